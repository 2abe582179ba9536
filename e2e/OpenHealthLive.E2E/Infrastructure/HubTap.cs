using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// Passes a page's hub WebSocket through the test (<c>page.RouteWebSocketAsync(new Regex("/hubs/live"), tap.Route)</c>),
/// counting the hub methods the page calls; can hold the server's messages back, as a slow venue network holds an
/// answer.
/// </summary>
public sealed partial class HubTap
{
    private readonly Lock _gate = new();
    private readonly List<IWebSocketFrame> _held = [];
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);
    private IWebSocketRoute? _page;
    private bool _holding;

    /// <summary>How many times the page has called the hub method <paramref name="target"/>.</summary>
    public int Sent(string target) => _sent.GetValueOrDefault(target);

    public void Route(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        page.OnMessage(frame =>
        {
            // SignalR's JSON protocol: records end with 0x1E; an invocation names its hub method as its target.
            foreach (Match invocation in Target().Matches(frame.Text ?? string.Empty))
            {
                _sent.AddOrUpdate(invocation.Groups[1].Value, 1, (_, count) => count + 1);
            }

            Forward(frame, server);
        });
        server.OnMessage(frame =>
        {
            lock (_gate)
            {
                if (_holding)
                {
                    _held.Add(frame);
                    return;
                }
            }

            Forward(frame, page);
        });
        _page = page;
    }

    public void HoldAnswers()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    public async Task WaitForSentAsync(string target, int count)
    {
        // A guard against hanging, not a timing assertion: the page sends at the click.
        for (var waited = 0; Sent(target) < count; waited += 50)
        {
            Assert.True(waited < 30_000, $"The page called {target} {Sent(target)} times, not {count}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Passes the held messages on, in order (the route exists: the page has sent through it).</summary>
    public void ReleaseAnswers()
    {
        lock (_gate)
        {
            foreach (var frame in _held)
            {
                Forward(frame, _page!);
            }

            _held.Clear();
            _holding = false;
        }
    }

    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        // SignalR's JSON protocol travels in text frames; anything else is passed on as bytes.
        if (frame.Text is { } text)
        {
            to.Send(text);
        }
        else if (frame.Binary is { } bytes)
        {
            to.Send(bytes);
        }
    }

    [GeneratedRegex("\"target\":\"([A-Za-z]+)\"")]
    private static partial Regex Target();
}
