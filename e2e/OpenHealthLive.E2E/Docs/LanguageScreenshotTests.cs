using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The README's screenshots of a phone reading the talk in Spanish: a slide (the diagram redrawn in Spanish, the
/// language switch in the header) and the live ranking of the five pillars. Run with <c>OHL_SCREENSHOTS=docs/images</c>.
/// </summary>
[Collection(nameof(LanguageScreenshotTests))]
public sealed class LanguageScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private static readonly string[][] s_rankings =
    [
        ["Colaboración y comunidad", "Seguridad y transparencia", "Innovación rápida y preparación para el futuro"],
        ["Collaboration and community", "Cost-effectiveness, sustainability and scalability", "Security and transparency"],
        ["Seguridad y transparencia", "Colaboración y comunidad", "Personalización y flexibilidad"],
        ["Collaboration and community", "Rapid innovation and future-proofing", "Security and transparency"],
    ];

    [ScreenshotFact]
    public Task Spanish_phone_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["PublicAddress:BaseUrl"] = "http://192.168.1.20:5000" });

        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter", 1440, 900));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await SpanishPhoneAsync(devices, server.BaseUrl, "phone-es"), code);
        var room = new List<AudiencePage>();
        for (var i = 0; i < s_rankings.Length; i++)
        {
            var page = i % 2 == 0 ? await SpanishPhoneAsync(devices, server.BaseUrl, $"voter-{i + 1}") : await devices.NewPhoneAsync(server.BaseUrl, $"voter-{i + 1}");
            room.Add(await AudiencePage.OpenAsync(page, code));
        }

        await presenter.GoToSlideAsync(TalkDeck.FivePillars);
        await Expect(phone.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.FivePillars));
        await Expect(phone.LanguageSelect).ToHaveValueAsync("es");
        await ShootAsync(phone.Page, Path.Combine(folder, "phone-spanish.png"));

        var ranking = DeckPoll.PillarRanking;
        await presenter.GoToPollAsync(ranking);
        await phone.ExpectPollInFrontAsync("Ordenen los cinco pilares, el más importante primero");
        for (var i = 0; i < room.Count; i++)
        {
            await room[i].RankAsync(s_rankings[i]);
        }

        await phone.RankAsync("Colaboración y comunidad", "Seguridad y transparencia");
        await presenter.ShowPollResultsAsync(ranking.Question);
        await Expect(phone.PollResults).ToContainTextAsync("5 respuestas");
        await phone.PollResults.ScrollIntoViewIfNeededAsync();
        await WhenDrawnAsync(phone.Page);
        await phone.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "phone-spanish-ranking.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    });

    private static async Task<IPage> SpanishPhoneAsync(Devices devices, Uri baseUrl, string name)
    {
        var context = await devices.NewContextAsync(name, new()
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "es-MX",
        });
        return await context.NewPageAsync();
    }

    private static async Task ShootAsync(IPage page, string path)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await WhenDrawnAsync(page);
        await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    }

    private static async Task WhenDrawnAsync(IPage page)
    {
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");
        await page.EvaluateAsync("() => Promise.all([...document.images].map((img) => img.decode().catch(() => null)))");
    }
}
