using System.ComponentModel.DataAnnotations;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Decks;

/// <summary>Where the decks are and which one the start-up session presents (section <c>Decks</c>).</summary>
public sealed class DecksOptions
{
    public const string SectionName = "Decks";

    /// <summary>The keys' names before they had a section of their own (until issue 22, under <c>Live</c>).</summary>
    public static IReadOnlyList<RenamedSetting> Renamed { get; } =
    [
        new("Live:DefaultDeck", "Decks:DefaultDeck"),
        new("Live:ContentPath", "Decks:ContentPath"),
        new("Live:WatchDecks", "Decks:WatchDecks"),
    ];

    /// <summary>Deck (folder under the content path) that the start-up session presents.</summary>
    [Required(ErrorMessage = "Decks:DefaultDeck is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = "Decks:DefaultDeck is a deck folder name: lower-case letters, digits and dashes.")]
    public string DefaultDeck { get; set; } = "open-healthcare";

    /// <summary>Folder holding one sub-folder per deck. When unset, <c>content/</c> is looked for beside the app and in the repository.</summary>
    public string? ContentPath { get; set; }

    /// <summary>Reload a deck when its files change. Defaults to on in Development only.</summary>
    public bool? WatchDecks { get; set; }
}
