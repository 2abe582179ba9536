using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Privacy;

/// <summary>
/// The privacy notice a phone shows before it sends anything, "Forget me on this phone" from the page itself, and the
/// presenter ending and erasing a talk from the console, on a server of their own (with a named data controller).
/// </summary>
public sealed class PrivacyTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Controller = "St Example's NHS Foundation Trust";
    private const string Contact = "dpo@example.nhs.uk";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Privacy:Controller"] = Controller,
        ["Privacy:ContactEmail"] = Contact,
        ["Privacy:RetentionDays"] = "30",
    };

    [Fact]
    public Task The_notice_shows_before_the_first_question_and_forget_me_erases_what_the_phone_sent() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync(Settings);
        var a = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone-a"), AppServer.DefaultSessionCode);
        var b = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone-b"), AppServer.DefaultSessionCode);

        // Following the slides is not in the way of anything; the notice comes with the questions, before the first.
        await Expect(a.PrivacyNotice).ToBeHiddenAsync();
        await a.OpenQuestionsAsync();
        await Expect(a.PrivacyNotice).ToBeVisibleAsync();
        await Expect(a.PrivacyNotice).ToContainTextAsync("deleted 30 days after the talk ends");
        await Expect(a.PrivacyNotice).ToContainTextAsync($"Data controller: {Controller}");
        await Expect(a.PrivacyNotice.GetByRole(AriaRole.Link, new() { Name = Contact })).ToHaveAttributeAsync("href", $"mailto:{Contact}");
        await Expect(a.PrivacyNotice.GetByRole(AriaRole.Link, new() { Name = "Full notice" })).ToHaveAttributeAsync("href", $"/privacy?talk={AppServer.DefaultSessionCode}");

        const string FromA = "Which ward piloted the app first?";
        const string FromB = "How long is the data kept?";
        await a.AskAsync(FromA, "Ada");
        await b.AskAsync(FromB);
        await a.UpvoteButton(FromB).ClickAsync();
        await Expect(b.VoteCount(FromB)).ToHaveTextAsync("1");
        await b.UpvoteButton(FromA).ClickAsync();
        await Expect(a.VoteCount(FromA)).ToHaveTextAsync("1");

        // OK puts the notice away, on this phone, for good.
        await a.PrivacyNotice.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(a.PrivacyNotice).ToBeHiddenAsync();
        await a.Page.ReloadAsync();
        await a.ExpectLiveAsync();
        await a.OpenQuestionsAsync();
        await Expect(a.PrivacyNotice).ToBeHiddenAsync();

        await a.OpenMyDataAsync();
        await Expect(a.MyData.GetByRole(AriaRole.List, new() { Name = "Questions this phone asked" })).ToContainTextAsync(FromA);
        await Expect(a.MyData.GetByRole(AriaRole.List, new() { Name = "Questions this phone upvoted" })).ToContainTextAsync(FromB);
        await a.ForgetMeAsync();

        // Gone from every screen and from the database; B's question stays, without A's upvote.
        await Expect(b.Question(FromA)).ToHaveCountAsync(0);
        await Expect(b.VoteCount(FromB)).ToHaveTextAsync("0");
        await a.OpenQuestionsAsync();
        await Expect(a.Question(FromA)).ToHaveCountAsync(0);
        await Expect(a.VoteCount(FromB)).ToHaveTextAsync("0");
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal([FromB], await db.Questions.Select(q => q.Text).ToListAsync());
            Assert.Equal(0, await db.QuestionVotes.CountAsync());
        }

        // With a new id, the phone holds nothing on the server.
        await a.OpenMyDataAsync();
        await Expect(a.MyDataStatus).ToHaveTextAsync("The server holds nothing this phone sent in this talk.");
    });

    [Fact]
    public Task The_presenter_ends_the_talk_then_erases_it_after_a_confirmation_that_counts_what_goes() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync(Settings);
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), code);
        const string Question = "Will the slides be shared afterwards?";
        await phone.AskAsync(Question);

        await presenter.EndTalkAsync();

        await Expect(phone.TalkNote).ToContainTextAsync("This talk has ended.");
        await Expect(phone.AskButton).ToBeDisabledAsync();
        await Expect(phone.Question(Question)).ToHaveCountAsync(1);

        await presenter.OpenEraseAsync();
        await Expect(presenter.EraseDialog.GetByRole(AriaRole.List)).ToContainTextAsync("1 question");
        await Expect(presenter.EraseDialog.GetByRole(AriaRole.List)).ToContainTextAsync("from 1 phone,");
        await presenter.EraseDialog.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();

        await Expect(presenter.EraseDialog).ToBeHiddenAsync();
        await Expect(presenter.ModerationItem(Question)).ToHaveCountAsync(0);
        await Expect(phone.Question(Question)).ToHaveCountAsync(0);
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Questions.CountAsync(q => q.SessionCode == code));
    });
}
