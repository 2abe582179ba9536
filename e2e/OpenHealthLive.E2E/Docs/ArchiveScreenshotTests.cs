using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The screenshots of the README's "The whole talk in one file": the room's copy of a short run of the talk, taken home
/// from a phone once the talk has ended and opened from disk, offline, on a laptop and on a phone. Run with
/// <c>OHL_SCREENSHOTS=docs/images</c>.
/// </summary>
[Collection(nameof(ArchiveScreenshotTests))]
public sealed class ArchiveScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private static readonly string[][] s_rankings =
    [
        ["Collaboration and community", "Security and transparency", "Rapid innovation and future-proofing"],
        ["Collaboration and community", "Cost-effectiveness, sustainability and scalability", "Security and transparency"],
        ["Security and transparency", "Collaboration and community", "Customisation and flexibility"],
    ];

    [ScreenshotFact]
    public Task Archive_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter"));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phones = new List<AudiencePage>();
        for (var i = 0; i < s_rankings.Length; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, $"phone-{i + 1}"), code));
        }

        const string Question = "Which of these tools already has a CE mark?";
        await phones[0].AskAsync(Question);
        await phones[0].SlidesTab.ClickAsync();
        // Step by step, every fragment revealed, up to the picture of regulation and innovation.
        var position = presenter.Page.Locator("#slide-number");
        while (!(await position.TextContentAsync())!.StartsWith($"Slide {TalkDeck.BenchToBedside} of", StringComparison.Ordinal))
        {
            var before = await position.TextContentAsync();
            await presenter.NextAsync();
            await Expect(position).Not.ToHaveTextAsync(before!);
        }

        await presenter.GoToSlideAsync(TalkDeck.FivePillars);
        await presenter.GoToPollAsync(DeckPoll.PillarRanking);
        for (var i = 0; i < phones.Count; i++)
        {
            await phones[i].ExpectPollInFrontAsync(DeckPoll.PillarRanking.Question);
            await phones[i].RankAsync(s_rankings[i]);
        }

        await presenter.ShowPollResultsAsync(DeckPoll.PillarRanking.Question);
        await presenter.ModerateAsync(Question, "Mark answered");
        await presenter.EndTalkAsync();

        var link = phones[0].Page.GetByRole(AriaRole.Link, new() { Name = "Take the talk home" });
        await Expect(link).ToBeVisibleAsync();
        var download = await phones[0].Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var file = Path.Combine(Directory.CreateTempSubdirectory("ohl-archive-shots-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        try
        {
            var laptop = await OfflineAsync(devices, "laptop", new() { ViewportSize = new() { Width = 1280, Height = 800 } }, file);
            await ShootAsync(laptop, Path.Combine(folder, "archive-desktop.png"));
            await laptop.Locator("#results-pillar-ranking").ScrollIntoViewIfNeededAsync();
            await laptop.EvaluateAsync("document.querySelector('#slide-29').scrollIntoView()");
            await laptop.ScreenshotAsync(new() { Path = Path.Combine(folder, "archive-desktop-poll.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });

            var phone = await OfflineAsync(devices, "phone-reader", new()
            {
                ViewportSize = new() { Width = 390, Height = 844 },
                DeviceScaleFactor = 2,
                IsMobile = true,
                HasTouch = true,
            }, file);
            await phone.EvaluateAsync("document.querySelector('#slide-7').scrollIntoView()");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(folder, "archive-phone.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    });

    private static async Task<IPage> OfflineAsync(Devices devices, string name, BrowserNewContextOptions options, string file)
    {
        var context = await devices.NewContextAsync(name, options);
        await context.SetOfflineAsync(true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.EvaluateAsync("() => Promise.all([...document.images].map((img) => img.decode().catch(() => null)))");
        return page;
    }

    private static async Task ShootAsync(IPage page, string path)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    }
}
