using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticFiles;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// A deck's files as <c>data:</c> addresses, so the archive needs nothing from the network. Only keys of the deck's
/// <see cref="Deck.Media"/> or <see cref="Deck.NotesMedia"/> are ever read (the caller decides which may be shown), and
/// each encoding is kept until the file changes: a room downloading the talk at once costs one read per picture.
/// </summary>
internal sealed class ArchiveMedia
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, string DataUri)> _encoded = new(StringComparer.Ordinal);

    /// <summary>The file <paramref name="key"/> of <paramref name="deck"/> as a data address, or null when it is gone.</summary>
    public string? DataUri(Deck deck, string key)
    {
        var file = new FileInfo(Path.Combine(Path.GetDirectoryName(deck.SourcePath)!, key));
        if (!file.Exists)
        {
            return null;
        }

        if (_encoded.TryGetValue(file.FullName, out var kept) && kept.Written == file.LastWriteTimeUtc && kept.Length == file.Length)
        {
            return kept.DataUri;
        }

        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var dataUri = $"data:{contentType};base64,{Convert.ToBase64String(File.ReadAllBytes(file.FullName))}";
        _encoded[file.FullName] = (file.LastWriteTimeUtc, file.Length, dataUri);
        return dataUri;
    }
}
