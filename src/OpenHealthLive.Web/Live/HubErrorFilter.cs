using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// The outermost hub filter. A refusal — a <see cref="HubException"/> from the other filters or the hub, a request
/// Core turned down, a database that is away — reaches the caller as a <see cref="HubException"/> with its clear
/// message and is logged quietly by <see cref="RefusalLog"/>. A write from a phone a moderator blocked gets the refusal
/// any phone behind a busy network can get, so nothing tells it that it was blocked (the log says "blocked").
/// Anything else is a fault: logged with its stack trace, and the caller gets SignalR's generic error.
/// </summary>
internal sealed partial class HubErrorFilter(RefusalLog refusals, HubRateLimits limits, ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex) when (HubRefusal.HasCode(ex))
        {
            Refused(invocationContext, HubRefusal.KindOf(ex));
            throw;
        }
        catch (HubException ex)
        {
            // Every refusal carries a code, so a client never has to read the English to know what happened.
            Refused(invocationContext, HubRefusal.Invalid);
            throw HubRefusal.Create(HubRefusal.Invalid, ex.Message, ex);
        }
        catch (DeviceBlockedException ex)
        {
            Refused(invocationContext, HubRefusal.Blocked);
            var bucket = invocationContext.HubMethod.GetCustomAttribute<RateLimitedAttribute>()?.Bucket ?? HubRateLimits.Votes;
            throw HubRateLimitFilter.Refusal(HubRefusal.Blocked, bucket, new RateLimitDecision(false, RateLimitScope.Address, limits.AddressWait(bucket)), ex);
        }
        catch (RequestRefusedException ex)
        {
            Refused(invocationContext, HubRefusal.Invalid);
            throw HubRefusal.From(ex);
        }
        catch (StorageUnavailableException ex)
        {
            Refused(invocationContext, "database-away");
            throw HubRefusal.Create("database-away", HubRefusal.NotSaved, ex.Message, [], ex);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
        {
            // A read on the way to a write (the session, the poll) met a database that is away: the same clear,
            // retryable answer as a write that could not be committed.
            Refused(invocationContext, "database-away");
            throw HubRefusal.Create("database-away", HubRefusal.NotSaved,
                StorageUnavailableException.NotSavedYet + "the server cannot reach its database right now. Your phone keeps it and sends it again.", [], ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFault(ex, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }

    private void Refused(HubInvocationContext invocation, string kind) =>
        refusals.Refused(invocation.HubMethodName, kind, invocation.Context.ConnectionId,
            invocation.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed for connection {ConnectionId}")]
    private partial void LogFault(Exception exception, string method, string connectionId);
}
