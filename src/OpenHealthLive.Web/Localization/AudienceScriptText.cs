using System.Collections.Concurrent;
using System.Globalization;
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

    // Built once per page language: the words are compiled into the app, and reading every resource set again for each
    // phone was the audience page's largest cost in a join storm (docs/benchmarks.md, "QR storm"). The keys are the
    // request cultures the app supports, so the cache stays as small as that list.
    private static readonly ConcurrentDictionary<string, string> s_byCulture = new(StringComparer.Ordinal);

    public static string Json(IStringLocalizer<AudienceText> text) =>
        s_byCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, static (_, localizer) => Build(localizer), text);

    private static string Build(IStringLocalizer<AudienceText> text) =>
        JsonSerializer.Serialize(
            text.GetAllStrings(includeParentCultures: true)
                .Where(s => s.Name.StartsWith(Prefix, StringComparison.Ordinal))
                .ToDictionary(s => s.Name[Prefix.Length..], s => s.Value),
            s_json);
}
