using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Live;

/// <summary>Turns a refused request, or a database that is away, into a <see cref="HubException"/>, whose message reaches the caller.</summary>
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
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            // A read on the way to a write (the session, the poll) met a database that is away: the same clear,
            // retryable answer as a write that could not be committed.
            throw new HubException(StorageUnavailableException.NotSavedYet + "the server cannot reach its database right now. Your phone keeps it and sends it again.", ex);
        }
    }
}
