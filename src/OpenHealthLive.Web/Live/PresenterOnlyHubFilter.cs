using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Checks every hub invocation, not just the connection: a method without <see cref="AllowAudienceAttribute"/>
/// runs only for a connection whose user is the signed-in presenter. The audience gets a clear error.
/// </summary>
internal sealed class PresenterOnlyHubFilter : IHubFilter
{
    public const string RefusedMessage = "Only the presenter can do this. Sign in at /presenter/sign-in on this device first.";

    // Every phone calls the hub at every slide change (AcknowledgeSlide): the attribute is looked up once per method, not per call.
    private static readonly ConcurrentDictionary<MethodInfo, bool> AudienceMethods = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var allowed = AudienceMethods.GetOrAdd(invocationContext.HubMethod, static method => Attribute.IsDefined(method, typeof(AllowAudienceAttribute)))
            || PresenterAuthentication.IsPresenter(invocationContext.Context.User);
        if (!allowed)
        {
            throw HubRefusal.Create(HubRefusal.NotPresenter, RefusedMessage);
        }

        return await next(invocationContext);
    }
}
