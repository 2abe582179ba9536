namespace OpenHealthLive.Core.Sessions;

/// <summary>How the organiser plans a session in the programme; every part is optional.</summary>
/// <param name="Title">The talk's title (the deck's title when unset).</param>
/// <param name="Room">Where it is given.</param>
/// <param name="StartsAt">When it is due to start.</param>
/// <param name="IsRehearsal">Start it as a rehearsal: "Go live" later wipes what the rehearsal collected.</param>
public sealed record SessionPlan(string? Title = null, string? Room = null, DateTimeOffset? StartsAt = null, bool IsRehearsal = false)
{
    /// <summary>Longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest room name accepted.</summary>
    public const int MaxRoomLength = 100;
}
