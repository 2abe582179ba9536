using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// <see cref="JoinCodeThrottle"/> for the hub: the <c>code</c> argument of every hub method is looked up here,
/// once per connection and code, before the method runs. A code this connection has already reached goes
/// straight through (a phone sends its code with every acknowledgement), so a phone in the talk pays nothing.
/// </summary>
internal sealed class JoinCodeHubFilter(JoinCodeThrottle throttle, LiveSessionService sessions) : IHubFilter
{
    private static readonly object ConnectionKey = new();

    // The position of the "code" parameter, looked up once per hub method; -1 when there is none.
    private static readonly ConcurrentDictionary<MethodInfo, int> CodeParameters = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var index = CodeParameters.GetOrAdd(invocationContext.HubMethod, static method =>
            Array.FindIndex(method.GetParameters(), p => p.Name == "code" && p.ParameterType == typeof(string)));
        if (index < 0)
        {
            return await next(invocationContext);
        }

        var context = invocationContext.Context;
        var connection = Connection(context);
        var typed = invocationContext.HubMethodArguments[index] as string;
        if (typed is not null && connection.Knows(typed))
        {
            return await next(invocationContext);
        }

        var address = ClientAddress.Key(context.GetHttpContext()?.Connection.RemoteIpAddress);
        var presenter = PresenterAuthentication.IsPresenter(context.User);
        var code = JoinCode.TryNormalize(typed, out var normalized, out var malformed) ? normalized : null;
        if (code is not null && connection.Knows(code))
        {
            return await next(invocationContext);
        }

        if (!presenter && throttle.Check(address, connection, code) is { } refusal)
        {
            throw HubRefusal.Create(HubRefusal.RateLimited, "wrong-codes", refusal.Message, [RetryAfter.Seconds(refusal.RetryAfter)]);
        }

        if (code is null || await sessions.FindAsync(code, context.ConnectionAborted) is null)
        {
            if (!presenter)
            {
                throttle.Failed(address, connection);
            }

            // The same answers as LiveHub's own check, which still runs for every call.
            throw code is null ? HubRefusal.Create(HubRefusal.Invalid, LiveHub.BadCode, malformed, []) : HubRefusal.Create(HubRefusal.UnknownSession, RoomRefusals.NoSuchSession(code));
        }

        throttle.Succeeded(address, connection, code);
        return await next(invocationContext);
    }

    private JoinCodeThrottle.Entry Connection(HubCallerContext context)
    {
        // Calls on one connection may run side by side (a send beside an invoke): make the entry once.
        lock (context.Items)
        {
            if (context.Items.TryGetValue(ConnectionKey, out var existing) && existing is JoinCodeThrottle.Entry entry)
            {
                return entry;
            }

            var created = throttle.NewConnectionEntry();
            context.Items[ConnectionKey] = created;
            return created;
        }
    }
}
