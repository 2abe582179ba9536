namespace OpenHealthLive.Web.Archive;

/// <summary>Which archive to build: what the room may take home, or the staff's copy.</summary>
/// <param name="Public">
/// The room's copy: poll results only once shown to the room, answered questions without their authors' names, no notes.
/// The staff's copy also has every poll that was run, with its results whether shown or not, and the names.
/// </param>
/// <param name="Notes">The speaker notes under each slide (staff's copy only).</param>
/// <param name="Language">The language of the slides and poll labels (one of the deck's; its own when null or not one of them).</param>
internal sealed record ArchiveScope(bool Public, bool Notes, string? Language);
