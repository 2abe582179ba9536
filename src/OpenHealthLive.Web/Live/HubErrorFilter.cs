using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Live;

/// <summary>Turns a refused request into a <see cref="HubException"/>, whose message reaches the caller.</summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (LiveSessionException ex)
        {
            throw new HubException(ex.Message, ex);
        }
        catch (StorageUnavailableException ex)
        {
            throw new HubException(ex.Message, ex);
        }
    }
}
