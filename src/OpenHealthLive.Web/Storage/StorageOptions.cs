using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Storage;

/// <summary>Where the app keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Folder for the SQLite database and the presenter-key hash; created on first run. A relative path is
    /// relative to the content root.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";
}
