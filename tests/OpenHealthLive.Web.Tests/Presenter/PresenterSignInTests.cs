using System.Net;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Presenter;

public sealed class PresenterSignInTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_right_key_gives_an_http_only_cookie_and_opens_the_presenter_console()
    {
        using var client = _factory.CreatePlainClient();
        var (token, antiforgery) = await OpenHealthLiveFactory.GetAntiforgeryAsync(client, "/presenter/sign-in");
        using var signIn = await PostKeyAsync(client, OpenHealthLiveFactory.PresenterKey, token, antiforgery);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/presenter", signIn.Headers.Location?.OriginalString);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PresenterAuthentication.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(OpenHealthLiveFactory.PresenterKey, cookie, StringComparison.Ordinal);

        using var console = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        console.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var page = await client.SendAsync(console);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(OpenHealthLiveFactory.DefaultCode, html, StringComparison.Ordinal);
        Assert.Contains("id=\"notes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presenter_pages_send_strangers_to_the_sign_in_page()
    {
        using var client = _factory.CreatePlainClient();
        foreach (var path in new[] { "/presenter", $"/presenter/{OpenHealthLiveFactory.DefaultCode}", $"/presenter/{OpenHealthLiveFactory.DefaultCode}/projector" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/presenter/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_key_gets_an_error_the_fifth_attempt_in_a_minute_is_checked_and_the_sixth_is_refused()
    {
        using var client = _factory.CreatePlainClient();
        var (token, antiforgery) = await OpenHealthLiveFactory.GetAntiforgeryAsync(client, "/presenter/sign-in");

        using var wrong = await PostKeyAsync(client, "not-the-key", token, antiforgery);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not the presenter key", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(PresenterAuthentication.CookieName, StringComparison.Ordinal)));

        // Five attempts a minute from one address (PresenterOptions' default, written out here): the one above and
        // four more are checked, the sixth is refused unchecked.
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            using var checkedGuess = await PostKeyAsync(client, $"guess-{attempt}", token, antiforgery);
            Assert.True(checkedGuess.StatusCode == HttpStatusCode.Unauthorized, $"attempt {attempt} answered {(int)checkedGuess.StatusCode}, not 401");
        }

        using var sixth = await PostKeyAsync(client, "guess-6", token, antiforgery);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("Too many sign-in attempts", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Even the right key waits until the window has passed: guessing cannot go on in parallel.
        using var right = await PostKeyAsync(client, OpenHealthLiveFactory.PresenterKey, token, antiforgery);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task A_configured_key_never_appears_in_any_log()
    {
        await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();
        var (token, antiforgery) = await OpenHealthLiveFactory.GetAntiforgeryAsync(client, "/presenter/sign-in");
        using var _ = await PostKeyAsync(client, OpenHealthLiveFactory.PresenterKey + "x", token, antiforgery);

        Assert.NotEmpty(_factory.Logs);
        Assert.DoesNotContain(OpenHealthLiveFactory.PresenterKey, _factory.AllLogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_key_is_shown_once_on_the_first_start_and_never_again()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-key-").FullName;
        try
        {
            string key;
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                first.Settings["Presenter:Key"] = null;
                using var client = first.CreatePlainClient();
                var console = first.ConsoleText.ToString();
                Assert.Contains("Presenter key:", console, StringComparison.Ordinal);
                key = console.Split("Presenter key:")[1].Trim().Split(Environment.NewLine)[0].Trim();
                Assert.True(key.Length >= 43, "a 256-bit key in base64url has 43 characters");
                var signIn = console.Split("Sign in at:")[1].Trim().Split(Environment.NewLine)[0].Trim();
                Assert.EndsWith("/presenter/sign-in", signIn, StringComparison.Ordinal);
                Assert.DoesNotContain(key, File.ReadAllText(Path.Combine(dataDirectory, PresenterKeyStore.HashFileName)), StringComparison.Ordinal);
                Assert.StartsWith("ohl.presenter=", await first.SignInAsync(key), StringComparison.Ordinal);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            second.Settings["Presenter:Key"] = null;
            using (second.CreatePlainClient())
            {
                Assert.DoesNotContain(key, second.AllLogText, StringComparison.Ordinal);
                Assert.DoesNotContain("Presenter key:", second.ConsoleText.ToString(), StringComparison.Ordinal);
                Assert.StartsWith("ohl.presenter=", await second.SignInAsync(key), StringComparison.Ordinal);
            }
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public void A_generated_key_stands_out_on_the_console_and_no_log_line_holds_it()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-key-").FullName;
        try
        {
            using var first = new OpenHealthLiveFactory(dataDirectory);
            first.Settings["Presenter:Key"] = null;
            using var client = first.CreatePlainClient();
            var console = first.ConsoleText.ToString();
            Assert.Contains("Presenter key:", console, StringComparison.Ordinal);
            var key = console.Split("Presenter key:")[1].Trim().Split(Environment.NewLine)[0].Trim();

            // A block of its own, framed by rules, not one log line among others: log sinks (files, the journal, a
            // collector) keep what they are given, so the key goes to the console alone.
            var lines = console.Split(Environment.NewLine);
            var rules = lines.Select((line, i) => (line, i)).Where(l => l.line.Length >= 60 && l.line.Trim().All(c => c == '=')).Select(l => l.i).ToList();
            Assert.Equal(2, rules.Count);
            var keyLine = Array.FindIndex(lines, l => l.Contains(key, StringComparison.Ordinal));
            Assert.InRange(keyLine, rules[0] + 1, rules[1] - 1);
            Assert.DoesNotContain(key, first.AllLogText, StringComparison.Ordinal);
            var pointer = Assert.Single(first.Logs, l => l.Message.Contains("presenter key was generated", StringComparison.Ordinal));
            Assert.Contains("/presenter/sign-in", pointer.Message, StringComparison.Ordinal);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task Changing_the_key_ends_every_earlier_sign_in()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-rotate-").FullName;
        try
        {
            string cookie;
            using (var before = new OpenHealthLiveFactory(dataDirectory))
            {
                cookie = await before.SignInAsync();
            }

            using var after = new OpenHealthLiveFactory(dataDirectory);
            after.Settings["Presenter:Key"] = "a-completely-different-key-2026";
            using var client = after.CreatePlainClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/presenter");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> PostKeyAsync(HttpClient client, string key, string token, string antiforgeryCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/presenter/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key"] = key, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await client.SendAsync(request);
    }
}
