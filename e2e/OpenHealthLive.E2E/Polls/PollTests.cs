using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Polls;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class PollTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Question = "Which pillar matters most in your work?";
    private const string Collaboration = "Collaboration and community";
    private const string Security = "Security and transparency";
    private const string Cost = "Cost-effectiveness, sustainability and scalability";

    private AppServer Server => app.Server;

    [Fact]
    public Task A_poll_opens_on_the_phones_counts_live_for_the_presenter_shows_its_results_and_resets() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        var phones = new List<AudiencePage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, $"phone-{i + 1}"), code));
        }

        foreach (var phone in phones)
        {
            await Expect(phone.PollTab).ToBeHiddenAsync();
        }

        // The poll opens by itself when its slide is reached; the presenter closes it and opens it again.
        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await projector.ExpectTalkSlideAsync(TalkDeck.PillarMost);
        await Expect(presenter.PollButton(Question, "Close")).ToBeVisibleAsync();
        await presenter.PollButton(Question, "Close").ClickAsync();
        await Expect(presenter.PollButton(Question, "Open")).ToBeVisibleAsync();
        foreach (var phone in phones)
        {
            await Expect(phone.PollTab).ToBeHiddenAsync();
            await Expect(phone.SlidesTab).ToHaveAttributeAsync("aria-selected", "true");
        }

        await presenter.OpenPollAsync(Question);
        await Expect(presenter.Poll(Question)).ToContainTextAsync("open · results hidden from the room");
        foreach (var phone in phones)
        {
            await phone.ExpectPollInFrontAsync(Question);
        }

        await Expect(projector.PollCard).ToContainTextAsync("Poll open · 0 answers so far");

        await phones[0].VoteAsync(Collaboration);
        await phones[1].VoteAsync(Collaboration);
        await phones[2].VoteAsync(Security);

        // The presenter sees the counts live; the room sees only how many have answered.
        await Expect(presenter.PollRow(Question, Collaboration)).ToContainTextAsync("2 · 67%");
        await Expect(presenter.PollRow(Question, Security)).ToContainTextAsync("1 · 33%");
        await Expect(presenter.PollRow(Question, Cost)).ToContainTextAsync("0 · 0%");
        await Expect(projector.PollCard).ToContainTextAsync("Poll open · 3 answers so far");
        await Expect(projector.PollCard.Locator(".poll-chart")).ToHaveCountAsync(0);
        foreach (var phone in phones)
        {
            await Expect(phone.PollResults).ToHaveCountAsync(0);
            Assert.DoesNotContain("67%", await phone.Page.ContentAsync(), StringComparison.Ordinal);
        }

        await presenter.ShowPollResultsAsync(Question);
        await Expect(projector.ResultRow(Collaboration)).ToContainTextAsync("2 · 67%");
        await Expect(projector.ResultRow(Security)).ToContainTextAsync("1 · 33%");
        foreach (var phone in phones)
        {
            await Expect(phone.ResultRow(Collaboration)).ToContainTextAsync("2 · 67%");
            await Expect(phone.ResultRow(Security)).ToContainTextAsync("1 · 33%");
        }

        // A phone changes its vote while the poll is open: the counts move everywhere.
        await Expect(phones[1].SendVoteButton).ToHaveTextAsync("Change my vote");
        await phones[1].PollChoice(Cost).ClickAsync();
        await phones[1].SendVoteAsync("✓ Your vote was changed and counted.");
        await Expect(presenter.PollRow(Question, Collaboration)).ToContainTextAsync("1 · 33%");
        await Expect(presenter.PollRow(Question, Cost)).ToContainTextAsync("1 · 33%");
        await Expect(projector.ResultRow(Collaboration)).ToContainTextAsync("1 · 33%");
        await Expect(projector.ResultRow(Cost)).ToContainTextAsync("1 · 33%");
        await Expect(phones[0].ResultRow(Cost)).ToContainTextAsync("1 · 33%");
        await Expect(presenter.Poll(Question)).ToContainTextAsync("3 answers");

        // Reset, after a confirmation: from zero, results hidden again, and every phone may vote again.
        var confirmations = new ConcurrentQueue<string>();
        presenter.Page.Dialog += async (_, dialog) =>
        {
            confirmations.Enqueue(dialog.Message);
            await dialog.AcceptAsync();
        };
        await presenter.PollButton(Question, "Reset…").ClickAsync();
        await Expect(presenter.Poll(Question)).ToContainTextAsync("No answers yet.");
        await Expect(presenter.Poll(Question)).ToContainTextAsync("0 answers");
        await Expect(presenter.Poll(Question)).ToContainTextAsync("results hidden from the room · round 2");
        Assert.Equal([$"Reset “{Question}”? Every answer so far stops counting and phones can vote again."], confirmations);
        await Expect(projector.PollCard).ToContainTextAsync("Poll open · 0 answers so far");
        foreach (var phone in phones)
        {
            await Expect(phone.PollResults).ToHaveCountAsync(0);
            await Expect(phone.SendVoteButton).ToHaveTextAsync("Send my vote");
            await Expect(phone.PollReceipt).ToBeEmptyAsync();
        }

        await phones[0].VoteAsync(Security);
        await Expect(presenter.PollRow(Question, Security)).ToContainTextAsync("1 · 100%");
        await Expect(projector.PollCard).ToContainTextAsync("Poll open · 1 answer so far");
    });

    [Fact]
    public Task A_vote_still_on_its_way_is_not_sent_again_by_the_retry_and_its_receipt_stays_right() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);

        // The phone's clock is the test's, and its hub traffic passes through the test: votes it sends are counted,
        // and the server's messages to it can be held back, as a slow venue network holds an answer.
        var page = await devices.NewPhoneAsync(Server.BaseUrl, "slow-network");
        await page.Clock.InstallAsync();
        var hub = new HeldHub();
        await page.RouteWebSocketAsync(new Regex("/hubs/live"), hub.Route);
        var phone = await AudiencePage.OpenAsync(page, code);
        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await phone.ExpectPollInFrontAsync(Question);
        await phone.VoteAsync(Collaboration);
        Assert.Equal(1, hub.VotesSent);

        // The changed vote goes out; its answer is held while the phone's retry (every 5 s) comes round.
        await phone.PollChoice(Cost).ClickAsync();
        hub.HoldAnswers();
        await phone.SendVoteButton.ClickAsync();
        await Expect(phone.PollReceipt).ToHaveTextAsync("Sending…");
        await hub.WaitForVotesAsync(2);
        await page.Clock.RunForAsync(12_000);

        hub.ReleaseAnswers();
        await Expect(phone.PollReceipt).ToHaveTextAsync("✓ Your vote was changed and counted.");
        await Expect(presenter.PollRow(Question, Cost)).ToContainTextAsync("1 · 100%");
        await page.Clock.RunForAsync(6_000);
        await Expect(phone.PollReceipt).ToHaveTextAsync("✓ Your vote was changed and counted.");

        // Sent once. (Before sends went one at a time, the retry sent it twice more while the answer was held: 4.)
        Assert.Equal(2, hub.VotesSent);
    });

    /// <summary>Passes a phone's hub WebSocket through, counting the votes it sends; can hold the server's messages back.</summary>
    private sealed class HeldHub
    {
        private readonly Lock _gate = new();
        private readonly List<IWebSocketFrame> _held = [];
        private IWebSocketRoute? _page;
        private bool _holding;
        private int _votesSent;

        public int VotesSent => Volatile.Read(ref _votesSent);

        public void Route(IWebSocketRoute page)
        {
            var server = page.ConnectToServer();
            page.OnMessage(frame =>
            {
                // SignalR's JSON protocol: records end with 0x1E; an invocation names its hub method as its target.
                Interlocked.Add(ref _votesSent, Regex.Count(frame.Text ?? string.Empty, "\"target\":\"SubmitVote\""));
                Forward(frame, server);
            });
            server.OnMessage(frame =>
            {
                lock (_gate)
                {
                    if (_holding)
                    {
                        _held.Add(frame);
                        return;
                    }
                }

                Forward(frame, page);
            });
            _page = page;
        }

        private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
        {
            // SignalR's JSON protocol travels in text frames; anything else is passed on as bytes.
            if (frame.Text is { } text)
            {
                to.Send(text);
            }
            else if (frame.Binary is { } bytes)
            {
                to.Send(bytes);
            }
        }

        public void HoldAnswers()
        {
            lock (_gate)
            {
                _holding = true;
            }
        }

        public async Task WaitForVotesAsync(int count)
        {
            // A guard against hanging, not a timing assertion: the vote is sent at the click.
            for (var waited = 0; VotesSent < count; waited += 50)
            {
                Assert.True(waited < 30_000, $"The phone sent {VotesSent} votes, not {count}.");
                await Task.Delay(50);
            }
        }

        /// <summary>Passes the held messages on, in order (the route exists: the phone has sent votes through it).</summary>
        public void ReleaseAnswers()
        {
            lock (_gate)
            {
                foreach (var frame in _held)
                {
                    Forward(frame, _page!);
                }

                _held.Clear();
                _holding = false;
            }
        }
    }
}
