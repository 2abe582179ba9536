using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Checks every hub invocation, not just the connection: a method without <see cref="AllowAudienceAttribute"/>
/// runs only for a connection whose user is the signed-in presenter, and whose sign-in is still live (not signed
/// out on any node, not expired). The audience gets a clear error. Presenter connections are kept per sign-in, so
/// that signing out closes them (<see cref="PresenterConnections"/>).
/// </summary>
internal sealed class PresenterOnlyHubFilter(PresenterSignIns signIns, PresenterConnections connections) : IHubFilter
{
    public const string RefusedMessage = "Only the presenter can do this. Sign in at /presenter/sign-in on this device first.";

    public const string SignInEndedMessage = "Your presenter sign-in has ended (signed out, possibly on another device, or expired). Sign in again at /presenter/sign-in.";

    // Every phone calls the hub at every slide change (AcknowledgeSlide): the attribute is looked up once per method, not per call.
    private static readonly ConcurrentDictionary<MethodInfo, bool> AudienceMethods = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (AudienceMethods.GetOrAdd(invocationContext.HubMethod, static method => Attribute.IsDefined(method, typeof(AllowAudienceAttribute))))
        {
            return await next(invocationContext);
        }

        var context = invocationContext.Context;
        if (!PresenterAuthentication.IsPresenter(context.User))
        {
            throw HubRefusal.Create(HubRefusal.NotPresenter, RefusedMessage);
        }

        // The user was read from the cookie when the connection opened; the sign-in may have ended since.
        if (!await signIns.IsLiveAsync(PresenterAuthentication.SignInId(context.User), context.ConnectionAborted))
        {
            throw HubRefusal.Create(HubRefusal.SignInEnded, SignInEndedMessage);
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = context.Context;
        if (PresenterAuthentication.IsPresenter(caller.User) && PresenterAuthentication.SignInId(caller.User) is { } signIn)
        {
            connections.Add(caller, signIn);
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }
}
