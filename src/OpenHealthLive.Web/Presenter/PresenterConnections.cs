using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// This node's hub connections made with a presenter sign-in, by sign-in. Ending a sign-in closes them: a closed
/// connection is in no group, so it gets no presenter push, and connecting again with the same cookie is anonymous.
/// </summary>
public sealed class PresenterConnections
{
    private readonly ConcurrentDictionary<string, (string SignInId, HubCallerContext Context)> _byConnection = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context, string signInId)
    {
        ArgumentNullException.ThrowIfNull(context);
        _byConnection[context.ConnectionId] = (signInId, context);
    }

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    /// <summary>The sign-ins that have a connection on this node.</summary>
    public IReadOnlyCollection<string> SignInIds() => _byConnection.Values.Select(c => c.SignInId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Closes this node's connections of the given sign-ins; returns how many.</summary>
    public int Close(IReadOnlyCollection<string> signInIds)
    {
        ArgumentNullException.ThrowIfNull(signInIds);
        var closed = 0;
        foreach (var (connectionId, connection) in _byConnection)
        {
            if (signInIds.Contains(connection.SignInId, StringComparer.Ordinal) && _byConnection.TryRemove(connectionId, out _))
            {
                connection.Context.Abort();
                closed++;
            }
        }

        return closed;
    }

    /// <summary>Closes every presenter connection on this node; returns how many.</summary>
    public int CloseAll() => Close(SignInIds());
}
