using System.Collections.Concurrent;
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
}
