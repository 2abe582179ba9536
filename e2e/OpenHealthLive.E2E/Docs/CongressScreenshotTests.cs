using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The screenshots of docs/hosting.md's congress section: the organiser's programme with a link just made, and the
/// moderator's page on a phone. Run with <c>OHL_SCREENSHOTS=docs/images</c>.
/// </summary>
[Collection(nameof(CongressScreenshotTests))]
public sealed class CongressScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [ScreenshotFact]
    public Task Congress_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["PublicAddress:BaseUrl"] = "https://live.example-congress.org" });

        var organiser = await devices.NewDesktopAsync(server.BaseUrl, "organiser", 1280, 900);
        await PresenterPage.SignInAsync(organiser);
        await organiser.GotoAsync("/organiser");
        await AddAsync(organiser, "How open-source software is shaping the future of healthcare", TalkDeck.Slug, "Hall A", "2026-12-07T09:30", rehearsal: false);
        await AddAsync(organiser, "Open source in the clinic: a panel", TalkDeck.Slug, "Hall B", "2026-12-07T11:00", rehearsal: false);
        await AddAsync(organiser, "How open-source software is shaping the future of healthcare", TalkDeck.Slug, "Hall A", "2026-12-06T17:00", rehearsal: true);
        var talk = organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hall A" }).Filter(new() { HasNotText = "Rehearsal" });
        var code = (await talk.Locator("code").InnerTextAsync()).Trim();
        await talk.GetByRole(AriaRole.Button, new() { Name = "New moderator link" }).ClickAsync();
        var moderatorLink = await organiser.GetByLabel("Link", new() { Exact = true }).InputValueAsync();
        await talk.GetByRole(AriaRole.Button, new() { Name = "New speaker link" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Heading, new() { Name = $"Speaker link for {code}" })).ToBeVisibleAsync();
        await ShootAsync(organiser, Path.Combine(folder, "organiser-programme.png"), fullPage: true);

        // The moderator's phone, with a few questions in: one held for a patient identifier, masked.
        var moderator = new PresenterPage(await devices.NewPhoneAsync(server.BaseUrl, "moderator"));
        await moderator.Page.GotoAsync(new Uri(moderatorLink).PathAndQuery + new Uri(moderatorLink).Fragment);
        await moderator.ExpectLiveAsync();
        var phones = new List<AudiencePage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, $"phone-{i + 1}"), code));
        }

        await phones[0].AskAsync("How do hospitals keep an open-source tool maintained after the grant ends?", "Priya");
        await phones[1].AskAsync("Which licence would you pick for a hospital's own code?");
        await phones[2].AskAsync("My patient 943 476 5919 had this, what now?", expectedResult: "Held for the presenter: it looks like it contains personal details (a name, a number, an address…) that the room must not see.");
        await phones[1].UpvoteButton("How do hospitals keep an open-source tool maintained after the grant ends?").ClickAsync();
        await Expect(moderator.ModerationList.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await ShootAsync(moderator.Page, Path.Combine(folder, "moderator-phone.png"), fullPage: false);

        // The rehearsal's console, with "Go live?" asking first.
        await organiser.GotoAsync("/organiser");
        var rehearsal = organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rehearsal" });
        var rehearsalCode = (await rehearsal.Locator("code").InnerTextAsync()).Trim();
        var colleague = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "colleague"), rehearsalCode);
        await colleague.AskAsync("Can the back row read the diagrams?");
        await organiser.GotoAsync($"/presenter/{rehearsalCode}");
        await new PresenterPage(organiser).ExpectLiveAsync();
        await ShootAsync(organiser, Path.Combine(folder, "console-rehearsal.png"), fullPage: false);
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Go live…" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Dialog, new() { Name = "Go live?" })).ToContainTextAsync("1 question");
        await ShootAsync(organiser, Path.Combine(folder, "go-live-confirmation.png"), fullPage: false);
    });

    private static async Task AddAsync(IPage organiser, string title, string deck, string room, string startsAt, bool rehearsal)
    {
        await organiser.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync(title);
        await organiser.GetByLabel("Deck", new() { Exact = true }).SelectOptionAsync(deck);
        await organiser.GetByLabel("Room", new() { Exact = true }).FillAsync(room);
        await organiser.GetByLabel("Starts at").FillAsync(startsAt);
        await organiser.GetByLabel("Start as a rehearsal").SetCheckedAsync(rehearsal);
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
        await Expect(organiser.GetByRole(AriaRole.Row).Filter(new() { HasText = room }).Filter(new() { HasText = startsAt[^5..] })).ToHaveCountAsync(1);
    }

    private static async Task ShootAsync(IPage page, string path, bool fullPage)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled, FullPage = fullPage });
    }
}
