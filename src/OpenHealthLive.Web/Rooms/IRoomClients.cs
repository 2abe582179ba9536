namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// The connections of the app's one hub, as a feature's own client interface. The hub's client interface inherits
/// every feature's (IQuestionsClient, IPollsClient, ...), so what the hub hands out for a group or a connection is
/// each feature's client too. Implemented where the hub is (Live); the features and this folder never name the hub,
/// so the hub can name them without a cycle.
/// </summary>
public interface IRoomClients
{
    /// <summary>The members of a SignalR group (<see cref="LiveGroups"/>).</summary>
    TClient Group<TClient>(string group)
        where TClient : class;

    /// <summary>One connection.</summary>
    TClient Connection<TClient>(string connectionId)
        where TClient : class;
}
