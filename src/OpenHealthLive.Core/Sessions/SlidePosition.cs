namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Where a session is: a slide, a fragment step on that slide, and a version that grows with every change
/// so that a client can drop a message older than what it shows.
/// </summary>
/// <param name="Slide">0-based slide index.</param>
/// <param name="Fragment">Number of fragments revealed on the slide (0 = none).</param>
/// <param name="Version">Grows by one with every change of the session; never goes back.</param>
public readonly record struct SlidePosition(int Slide, int Fragment, long Version);
