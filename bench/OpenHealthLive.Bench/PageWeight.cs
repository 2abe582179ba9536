using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Bench;

/// <summary>
/// The audience page's first load, as a phone's browser makes it: the page, then every script, module import,
/// style sheet, font and icon it references, each asked for with <c>Accept-Encoding: br, gzip</c>. The sum of
/// the bytes on the wire (response bodies as sent, compressed where the server compresses) is the page weight.
/// Slide images are left out, as the target asks; so is the hub connection itself.
/// </summary>
internal static partial class PageWeight
{
    public sealed record Item(string Path, string? Encoding, long WireBytes, long Bytes);

    public sealed record Result(long WireBytes, long Bytes, IReadOnlyList<Item> Items);

    public static async Task<Result> MeasureAsync(Uri baseAddress, string code)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None, UseCookies = false }) { BaseAddress = baseAddress };
        var items = new List<Item>();
        var queue = new Queue<Uri>([new Uri(baseAddress, $"j/{code}")]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var uri))
        {
            if (!seen.Add(uri.AbsolutePath))
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var wire = await response.Content.ReadAsByteArrayAsync();
            var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
            var body = Decode(wire, encoding);
            items.Add(new Item(uri.AbsolutePath, encoding, wire.Length, body.Length));

            var text = Encoding.UTF8.GetString(body);
            var references = uri.AbsolutePath.EndsWith(".js", StringComparison.Ordinal) ? JsImport().Matches(text).Select(m => m.Groups[1].Value)
                : uri.AbsolutePath.EndsWith(".css", StringComparison.Ordinal) ? CssUrl().Matches(text).Select(m => m.Groups[1].Value)
                : HtmlReference().Matches(text).Select(m => m.Groups[2].Value);
            foreach (var reference in references)
            {
                if (reference.StartsWith("data:", StringComparison.Ordinal) || reference.Contains("/media/", StringComparison.Ordinal))
                {
                    continue; // inline, or a slide image
                }

                var next = new Uri(uri, System.Net.WebUtility.HtmlDecode(reference));
                if (next.Host == baseAddress.Host && next.Port == baseAddress.Port)
                {
                    queue.Enqueue(next);
                }
            }
        }

        return new Result(items.Sum(i => i.WireBytes), items.Sum(i => i.Bytes), items);
    }

    public static string Markdown(Result result)
    {
        var table = new StringBuilder("| Resource | Encoding | On the wire (bytes) | Uncompressed (bytes) |\n|---|---|---|---|\n");
        foreach (var item in result.Items)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{item.Path}` | {item.Encoding ?? "none"} | {item.WireBytes:N0} | {item.Bytes:N0} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"| **Total** | | **{result.WireBytes:N0}** ({result.WireBytes / 1024.0:0.0} KB) | {result.Bytes:N0} |\n");
        return table.ToString();
    }

    private static byte[] Decode(byte[] wire, string? encoding)
    {
        Stream? decoder = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(wire), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return wire;
        }

        using (decoder)
        {
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            return output.ToArray();
        }
    }

    // src/href of scripts, style sheets, icons and module preloads; img elements are slide content or the brand icon.
    [GeneratedRegex("<(script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlReference();

    [GeneratedRegex("(?:import\\s[^'\"]*?from\\s*|import\\s*\\(\\s*|import\\s+)['\"]([^'\"]+)['\"]")]
    private static partial Regex JsImport();

    [GeneratedRegex("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)")]
    private static partial Regex CssUrl();
}
