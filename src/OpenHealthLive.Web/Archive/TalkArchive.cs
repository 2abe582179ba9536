namespace OpenHealthLive.Web.Archive;

/// <summary>A built archive: the one HTML document and the name to save it under.</summary>
/// <param name="FileName">The deck's slug and the talk's date: <c>open-healthcare-2026-12-05.html</c>.</param>
/// <param name="Html">The document; it loads nothing from anywhere.</param>
internal sealed record TalkArchive(string FileName, string Html);
