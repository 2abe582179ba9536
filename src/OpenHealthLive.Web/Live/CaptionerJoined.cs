using OpenHealthLive.Web.Captions;

namespace OpenHealthLive.Web.Live;

/// <summary>What the caption console gets when it opens: the room's current slide, the latest lines and whether they are kept.</summary>
public sealed record CaptionerJoined(SlideState State, IReadOnlyList<LiveCaption> Lines, bool Kept);
