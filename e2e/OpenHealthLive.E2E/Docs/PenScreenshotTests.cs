using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The README's screenshots of the pen: the console with a circle and a highlight drawn on the current slide, and a
/// phone showing them under the slide's text. Run with <c>OHL_SCREENSHOTS=docs/images</c>.
/// </summary>
[Collection(nameof(PenScreenshotTests))]
public sealed class PenScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [ScreenshotFact]
    public Task Pen_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["PublicAddress:BaseUrl"] = "http://192.168.1.20:5000" });
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter", 1440, 900));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        await presenter.GoToSlideAsync(5);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone"), code);
        await phone.ExpectTalkSlideAsync(5);

        // A highlight over the "Patient data" row, a red ring around "Regulation", and a tick in green.
        await presenter.PenButton("Yellow").ClickAsync();
        await presenter.DrawAsync("Highlighter", (0.09, 0.505), (0.62, 0.505));
        await presenter.PenButton("Red").ClickAsync();
        await presenter.DrawAsync("Pen", Ring(0.145, 0.415, 0.085, 0.06));
        await presenter.PenButton("Green").ClickAsync();
        await presenter.DrawAsync("Pen", (0.86, 0.40), (0.88, 0.45), (0.93, 0.33));
        await presenter.PenButton("Pen").ClickAsync();
        await Expect(presenter.Strokes).ToHaveCountAsync(3);
        await Expect(phone.Strokes).ToHaveCountAsync(3);

        await presenter.Page.Mouse.MoveAsync(0, 0);
        await presenter.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await presenter.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "pen-console.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        // The figure whole, above the phone's slide bar.
        await phone.Drawing.EvaluateAsync("figure => figure.scrollIntoView({ block: 'center' })");
        await phone.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "pen-phone.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    });

    /// <summary>Points round an ellipse centred at (<paramref name="x"/>, <paramref name="y"/>), a little more than once round, as a hand draws it.</summary>
    private static (double X, double Y)[] Ring(double x, double y, double rx, double ry) =>
        [.. Enumerable.Range(0, 27).Select(i => i * Math.PI * 2.15 / 26).Select(a => (x + (rx * Math.Cos(a)), y + (ry * Math.Sin(a))))];
}
