using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

/// <summary>A server of its own: signing out every device would end the sign-ins of tests sharing one.</summary>
[Collection(nameof(SignOutTests))]
public sealed partial class SignOutTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Sign_out_every_device_asks_first_then_sends_every_presenter_device_to_the_sign_in_page() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var laptop = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "laptop"));
        var backstage = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "backstage"));

        await laptop.Page.GetByText("Sign-ins").ClickAsync();
        var everywhere = laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out every device" });

        // Cancelled in the confirmation: nothing ends.
        var confirmations = new ConcurrentQueue<string>();
        var accept = false;
        laptop.Page.Dialog += async (_, dialog) =>
        {
            confirmations.Enqueue(dialog.Message);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await everywhere.ClickAsync();
        await laptop.ExpectLiveAsync();
        await backstage.NextAsync();
        await laptop.ExpectSlideAsync(2);
        Assert.StartsWith("Sign out every device?", Assert.Single(confirmations), StringComparison.Ordinal);

        // Confirmed: this console goes to the sign-in page, and so does the other device's, by itself.
        accept = true;
        await everywhere.ClickAsync();
        await Expect(laptop.Page).ToHaveURLAsync(SignInPage());
        await Expect(laptop.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Signed out of every device");
        await Expect(backstage.Page).ToHaveURLAsync(SignInPage(), new() { Timeout = 20_000 });

        // The key brings the console back.
        await PresenterPage.SignInAsync(laptop.Page);
    });

    [GeneratedRegex("/presenter/sign-in")]
    private static partial Regex SignInPage();
}
