using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace OpenHealthLive.Bench;

/// <summary>
/// The audience page's first load in real Chromium on a phone-sized screen (390×844 CSS pixels, 2× density,
/// touch): what the browser itself decides to fetch (a font face only when text uses it, for example), with
/// the bytes it received for each response body (Chromium's encoded length: compressed where the server
/// compressed) and, apart, the response headers.
/// <para>
/// The service worker (sw.js) registers on a secure origin, and loopback counts as one: its script is counted,
/// and so is every request the worker itself sends to the network once it controls the page. A page request
/// the worker answers is not counted again (its bytes are the worker's own request). The worker caches what
/// passes through it and precaches nothing, so on a first load it adds its script and no other bytes.
/// </para>
/// Left out: slide images (<c>/decks/*/media/</c>) and the hub (<c>/hubs/live</c>: negotiate and the WebSocket).
/// </summary>
internal static class BrowserPageWeight
{
    private const string DebianChromium = "/usr/bin/chromium";

    public sealed record Item(string Path, string By, string? Encoding, long BodyBytes, long HeaderBytes, bool Counted);

    public sealed record Result(long BodyBytes, long HeaderBytes, IReadOnlyList<Item> Items);

    /// <summary>
    /// Loads the page at <paramref name="baseAddress"/>, or, with <paramref name="insecureHost"/>, at that name mapped
    /// to loopback: a plain-HTTP origin that is not a secure context, as a venue LAN address is for a phone.
    /// </summary>
    public static async Task<Result> MeasureAsync(Uri baseAddress, string code, string? insecureHost = null)
    {
        if (insecureHost is not null)
        {
            baseAddress = new UriBuilder(baseAddress) { Host = insecureHost }.Uri;
        }

        using var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = string.IsNullOrWhiteSpace(executable) ? DebianChromium : executable,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                .. insecureHost is null ? Array.Empty<string>() : [$"--host-resolver-rules=MAP {insecureHost} 127.0.0.1"],
            ],
        });
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            ServiceWorkers = ServiceWorkerPolicy.Allow,
        });

        var finished = new ConcurrentQueue<IRequest>();
        var failed = new ConcurrentQueue<IRequest>();
        context.RequestFinished += (_, request) => finished.Enqueue(request);
        context.RequestFailed += (_, request) => failed.Enqueue(request);

        var page = await context.NewPageAsync();
        // A request the context reports and the page does not was sent by the service worker.
        var fromPage = new ConcurrentDictionary<IRequest, bool>();
        page.Request += (_, request) => fromPage[request] = true;
        await page.GotoAsync(new Uri(baseAddress, $"j/{code}").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        // The first load is over when the phone is live, its fonts are in and its service worker is running.
        await page.WaitForSelectorAsync("#live-status[data-state='live']", new() { State = WaitForSelectorState.Attached });
        // Bounded: a worker that never becomes active would otherwise hang the run with no word of why.
        var worker = await page.EvaluateAsync<string>("""
            async () => {
              await document.fonts.ready;
              if (!('serviceWorker' in navigator) || !window.isSecureContext) return 'none';
              const ready = navigator.serviceWorker.ready.then(() => 'ready');
              return Promise.race([ready, new Promise((resolve) => setTimeout(() => resolve('not ready after 60 s'), 60000))]);
            }
            """);
        if (worker.StartsWith("not", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The service worker was {worker}.");
        }

        await QuietAsync(finished, failed);

        if (!failed.IsEmpty)
        {
            throw new InvalidOperationException("Requests failed on the first load: " + string.Join(", ", failed.Select(r => r.Url)));
        }

        var items = new List<Item>();
        foreach (var request in finished)
        {
            var uri = new Uri(request.Url);
            var response = await request.ResponseAsync();
            if (response is null || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            // Sizes come with the request's last network event, which a worker's request may never get: wait for them
            // a while only (a run once hung here), then measure that response again as below.
            RequestSizesResult? sizes = null;
            try
            {
                sizes = await request.SizesAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }

            long bodyBytes = sizes?.ResponseBodySize ?? 0;
            var by = !fromPage.ContainsKey(request) ? "service worker" : response.FromServiceWorker ? "page, answered by the worker" : "page";
            if (bodyBytes == 0 && response.Status == 200 && request.Method == "GET")
            {
                // Chromium reports no body size for a service worker's own script (nor, above, for a request whose
                // sizes never came): ask for it again in the encoding
                // the browser got it in and take the length of what the server sends.
                bodyBytes = await EncodedLengthAsync(uri, await response.HeaderValueAsync("content-encoding"));
                by += " (size re-fetched)";
            }

            var excluded = uri.AbsolutePath.StartsWith("/hubs/", StringComparison.Ordinal)
                || (uri.AbsolutePath.StartsWith("/decks/", StringComparison.Ordinal) && uri.AbsolutePath.Contains("/media/", StringComparison.Ordinal));
            items.Add(new Item(
                uri.PathAndQuery,
                by,
                await response.HeaderValueAsync("content-encoding"),
                bodyBytes,
                sizes?.ResponseHeadersSize ?? 0,
                Counted: !excluded && !response.FromServiceWorker));
        }

        var counted = items.Where(i => i.Counted).ToList();
        return new Result(counted.Sum(i => i.BodyBytes), counted.Sum(i => i.HeaderBytes), items);
    }

    public static string Markdown(Result result)
    {
        var table = new StringBuilder("| Resource | Fetched by | Encoding | Body on the wire (bytes) | Headers (bytes) | Counted |\n|---|---|---|---|---|---|\n");
        foreach (var item in result.Items)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{item.Path}` | {item.By} | {item.Encoding ?? "none"} | {item.BodyBytes:N0} | {item.HeaderBytes:N0} | {(item.Counted ? "yes" : "no")} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| **Total counted** | | | **{result.BodyBytes:N0}** ({result.BodyBytes / 1024.0:0.0} KB) | {result.HeaderBytes:N0} | |\n");
        return table.ToString();
    }

    private static async Task<long> EncodedLengthAsync(Uri uri, string? encoding)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        using var response = await http.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    /// <summary>Waits until no request has finished for a second (the worker may fetch after the page is idle).</summary>
    private static async Task QuietAsync(ConcurrentQueue<IRequest> finished, ConcurrentQueue<IRequest> failed)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var count = -1;
        while (DateTime.UtcNow < deadline && finished.Count + failed.Count != count)
        {
            count = finished.Count + failed.Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
