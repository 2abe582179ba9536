using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Counts the hub connections open from each client address, so one laptop cannot hold tens of thousands of
/// connections (each costs the server memory and a share of every slide change). The limit is generous, because a
/// whole room can share one address behind the venue's NAT (<c>AudienceLimits:MaxConnectionsPerAddress</c>), and it never
/// applies to the presenter: a room that fills it cannot lock the speaker out.
/// </summary>
public sealed class ConnectionsPerAddress(IOptions<AudienceLimitsOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>The connections open from <paramref name="address"/> now.</summary>
    public int OpenFrom(string? address) => _open.TryGetValue(Key(address), out var count) ? count : 0;

    /// <summary>True when <paramref name="address"/> may open another connection.</summary>
    public bool HasRoom(string? address) => OpenFrom(address) < options.Value.MaxConnectionsPerAddress;

    internal void Opened(string? address) => _open.AddOrUpdate(Key(address), 1, static (_, n) => n + 1);

    internal void Closed(string? address)
    {
        var key = Key(address);
        if (_open.AddOrUpdate(key, 0, static (_, n) => Math.Max(0, n - 1)) == 0)
        {
            // Forget an address with nothing open; a racing Opened just adds it again.
            _open.TryRemove(new KeyValuePair<string, int>(key, 0));
        }
    }

    /// <summary>
    /// Refuses a request that would open a connection (a negotiate, or a transport request without a connection id:
    /// a WebSocket that skips negotiation) from an address at its limit, with 429 and the reason.
    /// </summary>
    internal async Task GuardAsync(HttpContext http, Func<Task> next)
    {
        var opens = http.Request.Path.Value?.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase) == true || !http.Request.Query.ContainsKey("id");
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (opens && !HasRoom(address) && !PresenterAuthentication.IsPresenter(http.User))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "10";
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"Too many connections from this network ({options.Value.MaxConnectionsPerAddress}). Close a tab or two, or wait a moment and try again."), http.RequestAborted);
            return;
        }

        await next();
    }

    private static string Key(string? address) => address ?? "unknown";
}

/// <summary>Keeps <see cref="ConnectionsPerAddress"/> in step with the hub's connections.</summary>
internal sealed class ConnectionCountFilter(ConnectionsPerAddress connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Opened(AddressOf(context.Context));
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception);
        }
        finally
        {
            connections.Closed(AddressOf(context.Context));
        }
    }

    private static string? AddressOf(HubCallerContext context) => context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();
}
