using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Checks every hub invocation, not just the connection: a method without <see cref="AllowAudienceAttribute"/>
/// runs only for a connection whose user is the signed-in presenter. The audience gets a clear error.
/// </summary>
internal sealed partial class PresenterOnlyHubFilter(ILogger<PresenterOnlyHubFilter> logger) : IHubFilter
{
    public const string RefusedMessage = "Only the presenter can do this. Sign in at /presenter/sign-in on this device first.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var allowed = Attribute.IsDefined(invocationContext.HubMethod, typeof(AllowAudienceAttribute))
            || PresenterAuthentication.IsPresenter(invocationContext.Context.User);
        if (!allowed)
        {
            LogRefused(invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw new HubException(RefusedMessage);
        }

        return await next(invocationContext);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused presenter-only hub method {Method} from connection {ConnectionId}")]
    private partial void LogRefused(string method, string connectionId);
}
