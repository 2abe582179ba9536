using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace OpenHealthLive.Web.Localization;

/// <summary>The words the audience page's scripts show (the keys starting <c>Js.</c>), as JSON for a script block in the page.</summary>
internal static class AudienceScriptText
{
    public const string Prefix = "Js.";

    // Letters stay letters ("é", not "\u00E9": fewer bytes for every phone); what HTML gives meaning to is still escaped.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(IStringLocalizer<AudienceText> text) =>
        JsonSerializer.Serialize(
            text.GetAllStrings(includeParentCultures: true)
                .Where(s => s.Name.StartsWith(Prefix, StringComparison.Ordinal))
                .ToDictionary(s => s.Name[Prefix.Length..], s => s.Value),
            s_json);
}
