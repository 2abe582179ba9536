using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Security;

/// <summary>
/// The browser is the attacker's tool: the presenter, signed in, opens a page that another program on the
/// same laptop (or the same host) serves on another port. Cookies ignore ports, and the presenter cookie's
/// SameSite=Strict treats 127.0.0.1:other as the same site, so the page's WebSocket carries it.
/// </summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class CrossSiteHubTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task A_page_on_another_port_cannot_use_the_presenters_sign_in_to_read_the_moderation_queue() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));

        // The page's script works: from the site's own origin, the same calls read the queue.
        var own = await presenter.Page.EvaluateAsync<string>(ReadQueueScript, new[] { Server.BaseUrl.ToString(), AppServer.DefaultSessionCode });
        Assert.StartsWith("read: ", own, StringComparison.Ordinal);
        Assert.Contains($"\"code\":\"{AppServer.DefaultSessionCode}\"", own, StringComparison.Ordinal);

        await using var attacker = AttackerSite.Start(Server.BaseUrl);
        var page = await presenter.Page.Context.NewPageAsync();
        await page.GotoAsync(attacker.Url.ToString());
        var result = page.Locator("#result");
        await Expect(result).Not.ToHaveTextAsync("pending");

        var text = await result.InnerTextAsync();
        Assert.True(text.StartsWith("refused: ", StringComparison.Ordinal), $"The page on {attacker.Url} got: {text}");
        Assert.DoesNotContain("\"code\"", text, StringComparison.Ordinal);
    });

    /// <summary>What the attacker's page runs, with the browser SignalR client the site itself serves.</summary>
    private const string ReadQueueScript = """
        async ([site, code]) => {
          const connection = new signalR.HubConnectionBuilder()
            .withUrl(new URL('hubs/live', site).href, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
            .build();
          try {
            await connection.start();
            const queue = await connection.invoke('GetModerationQueue', code);
            return 'read: ' + JSON.stringify(queue);
          } catch (error) {
            return 'refused: ' + error;
          } finally {
            await connection.stop();
          }
        }
        """;

    /// <summary>A one-page site on another port of 127.0.0.1, the attacker's.</summary>
    private sealed class AttackerSite : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _serving;

        private AttackerSite(HttpListener listener, Uri url, string html)
        {
            _listener = listener;
            Url = url;
            _serving = ServeAsync(html);
        }

        public Uri Url { get; }

        public static AttackerSite Start(Uri site)
        {
            var port = FreePort();
            var url = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            listener.Start();
            var html = $$"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Cute cat pictures</title></head>
                <body>
                <pre id="result">pending</pre>
                <script src="{{new Uri(site, "lib/signalr/signalr.min.js")}}"></script>
                <script>
                ({{ReadQueueScript}})(['{{site}}', '{{AppServer.DefaultSessionCode}}'])
                  .then((text) => { document.getElementById('result').textContent = text; });
                </script>
                </body></html>
                """;
            return new AttackerSite(listener, url, html);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _serving;
            }
            catch (HttpListenerException)
            {
                // Stopping the listener ends the pending GetContextAsync.
            }
            catch (ObjectDisposedException)
            {
                // The same, reported differently by the managed listener.
            }
        }

        private async Task ServeAsync(string html)
        {
            var body = Encoding.UTF8.GetBytes(html);
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            try
            {
                return ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            finally
            {
                probe.Stop();
            }
        }
    }
}
