using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

/// <summary>
/// A congress in three browsers and a phone: the organiser plans a talk and hands out links; the speaker drives it;
/// the moderator runs its questions and polls from a phone. Each is refused the rest, on the page and when a script
/// asks the hub directly. A server of its own: the test makes sessions and links.
/// </summary>
[Collection(nameof(CongressRoleTests))]
public sealed partial class CongressRoleTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Title = "Open source in the clinic";
    private const string Question = "Which licence suits a hospital's own code?";

    // Run in a staff page: a hub connection of its own (the page's cookie, no page script), one call, the outcome.
    private const string CallHub = """
        async ([method, args]) => {
          const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/live').build();
          await connection.start();
          try {
            await connection.invoke(method, ...args);
            return 'done';
          } catch (error) {
            return error.message;
          } finally {
            await connection.stop();
          }
        }
        """;

    [Fact]
    public Task The_organiser_hands_out_links_the_speaker_drives_the_moderator_moderates_and_each_is_refused_the_rest() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var organiser = await devices.NewDesktopAsync(server.BaseUrl, "organiser");
        await PresenterPage.SignInAsync(organiser);
        await organiser.GotoAsync("/organiser");
        await organiser.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync(Title);
        await organiser.GetByLabel("Deck", new() { Exact = true }).SelectOptionAsync(GettingStartedDeck.Slug);
        await organiser.GetByLabel("Room", new() { Exact = true }).FillAsync("Hall B");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
        var row = organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        var code = (await row.Locator("code").InnerTextAsync()).Trim();
        var speakerLink = await IssueAsync(organiser, row, "New speaker link");
        var moderatorLink = await IssueAsync(organiser, row, "New moderator link");

        // The speaker's link opens the console of this talk; the moderator's, on a phone, the moderator's page.
        var speaker = new PresenterPage(await devices.NewDesktopAsync(server.BaseUrl, "speaker"));
        await speaker.Page.GotoAsync(speakerLink);
        await Expect(speaker.Page).ToHaveURLAsync(new Regex($"/presenter/{code}$"));
        await speaker.ExpectLiveAsync();
        var moderator = new PresenterPage(await devices.NewPhoneAsync(server.BaseUrl, "moderator"));
        await moderator.Page.GotoAsync(moderatorLink);
        await Expect(moderator.Page).ToHaveURLAsync(new Regex($"/presenter/{code}/moderate$"));
        await moderator.ExpectLiveAsync();
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone"), code);

        // Each does their part.
        await speaker.NextAsync();
        await phone.ExpectSlideAsync(2);
        await Expect(moderator.Page.Locator("#now-showing")).ToHaveTextAsync($"2. {GettingStartedDeck.Heading(2)}");
        await phone.AskAsync(Question);
        await moderator.ModerateAsync(Question, "Pin");
        await Expect(moderator.ModerationItem(Question)).ToContainTextAsync("· pinned");
        await phone.SlidesTab.ClickAsync();
        await moderator.OpenPollAsync(DeckPoll.MultipleChoice.Question);
        await phone.ExpectPollInFrontAsync(DeckPoll.MultipleChoice.Question);

        // The pages show only what each may do.
        await Expect(moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToHaveCountAsync(0);
        await Expect(moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Black out projector" })).ToHaveCountAsync(0);
        await Expect(speaker.Page.GetByText("Sessions and decks")).ToHaveCountAsync(0);
        await Expect(speaker.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out every device" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await moderator.Page.Context.APIRequest.GetAsync($"/presenter/{code}/projector")).Status);
        Assert.Equal(403, (await speaker.Page.Context.APIRequest.GetAsync("/organiser")).Status);
        Assert.Equal(403, (await speaker.Page.Context.APIRequest.GetAsync($"/presenter/{AppServer.DefaultSessionCode}")).Status);

        // Asked directly, the hub refuses the rest whatever the pages show.
        Assert.Contains("for the speaker", await moderator.Page.EvaluateAsync<string>(CallHub, new object[] { "NextStep", new object[] { code } }), StringComparison.Ordinal);
        Assert.Contains("for the speaker", await moderator.Page.EvaluateAsync<string>(CallHub, new object[] { "SetProjector", new object[] { code, true, false } }), StringComparison.Ordinal);
        Assert.Contains("not of this session", await speaker.Page.EvaluateAsync<string>(CallHub, new object[] { "NextStep", new object[] { AppServer.DefaultSessionCode } }), StringComparison.Ordinal);
        Assert.Contains("not of this session", await moderator.Page.EvaluateAsync<string>(CallHub, new object[] { "GetModerationQueue", new object[] { AppServer.DefaultSessionCode } }), StringComparison.Ordinal);
        var sessions = server.Services.GetRequiredService<LiveSessionService>();
        Assert.Equal(1, (await sessions.FindAsync(code, CancellationToken.None))!.Position.Slide);
        Assert.Equal(0, (await sessions.FindAsync(AppServer.DefaultSessionCode, CancellationToken.None))!.Position.Slide);
        await phone.SlidesTab.ClickAsync();
        await phone.ExpectSlideAsync(2);

        // Revoked, the speaker's link stops working on the console that is open: it is sent to sign in again.
        var confirmations = new ConcurrentQueue<string>();
        organiser.Dialog += async (_, dialog) =>
        {
            confirmations.Enqueue(dialog.Message);
            await dialog.AcceptAsync();
        };
        await row.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "speaker" }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        Assert.StartsWith("Revoke this speaker link?", Assert.Single(confirmations), StringComparison.Ordinal);
        await Expect(speaker.Page).ToHaveURLAsync(SignInPage(), new() { Timeout = 20_000 });
        Assert.Equal(302, (await speaker.Page.Context.APIRequest.GetAsync($"/presenter/{code}", new() { MaxRedirects = 0 })).Status);
        Assert.Equal(1, (await sessions.FindAsync(code, CancellationToken.None))!.Position.Slide);

        // The moderator's link was not revoked: the moderator goes on.
        await moderator.ModerateAsync(Question, "Unpin");
        await Expect(moderator.ModerationItem(Question)).Not.ToContainTextAsync("· pinned");
    });

    /// <summary>Makes a link from a session's row and returns it, as shown once on the page.</summary>
    private static async Task<string> IssueAsync(IPage organiser, ILocator row, string button)
    {
        await row.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        var link = organiser.GetByLabel("Link", new() { Exact = true });
        await Expect(link).ToHaveValueAsync(new Regex("/presenter/join#"));
        return await link.InputValueAsync();
    }

    [GeneratedRegex("/presenter/sign-in")]
    private static partial Regex SignInPage();
}
