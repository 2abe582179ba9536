using System.Collections.Concurrent;
using System.Text.RegularExpressions;
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
        var hub = new HubTap();
        await page.RouteWebSocketAsync(new Regex("/hubs/live"), hub.Route);
        var phone = await AudiencePage.OpenAsync(page, code);
        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await phone.ExpectPollInFrontAsync(Question);
        await phone.VoteAsync(Collaboration);
        Assert.Equal(1, hub.Sent("SubmitVote"));

        // The changed vote goes out; its answer is held while the phone's retry (every 5 s) comes round.
        await phone.PollChoice(Cost).ClickAsync();
        hub.HoldAnswers();
        await phone.SendVoteButton.ClickAsync();
        await Expect(phone.PollReceipt).ToHaveTextAsync("Sending…");
        await hub.WaitForSentAsync("SubmitVote", 2);
        await page.Clock.RunForAsync(12_000);

        hub.ReleaseAnswers();
        await Expect(phone.PollReceipt).ToHaveTextAsync("✓ Your vote was changed and counted.");
        await Expect(presenter.PollRow(Question, Cost)).ToContainTextAsync("1 · 100%");
        await page.Clock.RunForAsync(6_000);
        await Expect(phone.PollReceipt).ToHaveTextAsync("✓ Your vote was changed and counted.");

        // Sent once. (Before sends went one at a time, the retry sent it twice more while the answer was held: 4.)
        Assert.Equal(2, hub.Sent("SubmitVote"));
    });
}
