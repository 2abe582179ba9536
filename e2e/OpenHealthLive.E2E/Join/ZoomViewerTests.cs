using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Join;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class ZoomViewerTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task Tapping_a_diagram_or_a_table_on_a_phone_opens_the_zoom_viewer_and_Close_returns_to_the_slide() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        var close = phone.ZoomViewer.GetByRole(AriaRole.Button, new() { Name = "Close" });

        await presenter.GoToSlideAsync(TalkDeck.BenchToBedside);
        await phone.ExpectTalkSlideAsync(TalkDeck.BenchToBedside);
        var diagram = phone.Slide.GetByRole(AriaRole.Img);
        var alt = await diagram.GetAttributeAsync("alt");
        Assert.StartsWith("A path of four stages", alt, StringComparison.Ordinal);
        await Expect(phone.ZoomViewer).ToBeHiddenAsync();

        await diagram.TapAsync();
        await Expect(phone.ZoomViewer).ToBeVisibleAsync();
        var zoomed = phone.ZoomViewer.GetByRole(AriaRole.Img, new() { Name = alt });
        await Expect(zoomed).ToBeVisibleAsync();
        await Expect(close).ToBeFocusedAsync();
        // At least the screen's width, so a pinch zooms into detail rather than into a thumbnail.
        var box = await zoomed.BoundingBoxAsync();
        Assert.True(box is { Width: >= 390 }, $"The zoomed diagram is {box?.Width}px wide.");

        await close.TapAsync();
        await Expect(phone.ZoomViewer).ToBeHiddenAsync();
        await Expect(phone.Slide).ToBeFocusedAsync();
        await Expect(diagram).ToBeVisibleAsync();
        await phone.ExpectTalkSlideAsync(TalkDeck.BenchToBedside);

        // A table opens the same way.
        await presenter.GoToSlideAsync(TalkDeck.FourHurdles);
        await phone.ExpectTalkSlideAsync(TalkDeck.FourHurdles);
        await phone.Slide.GetByRole(AriaRole.Table).TapAsync();
        await Expect(phone.ZoomViewer.GetByRole(AriaRole.Table)).ToContainTextAsync("Clinical experts");
        await close.TapAsync();
        await Expect(phone.ZoomViewer).ToBeHiddenAsync();
    });
}
