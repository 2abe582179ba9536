using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Rehearsals;

/// <summary>A rehearsal that went live: the session now, and what the rehearsal had collected that was deleted.</summary>
public sealed record WentLive(LiveSessionState Session, AudienceDataCounts Wiped);
