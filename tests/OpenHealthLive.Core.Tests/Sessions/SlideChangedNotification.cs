using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>One call to the notifier: what it was told, and what the database held at that moment.</summary>
public sealed record SlideChangedNotification(LiveSessionState Sent, int StoredSlide, int StoredFragment, long StoredVersion);
