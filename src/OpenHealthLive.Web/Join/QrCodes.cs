using System.Collections.Concurrent;
using QRCoder;

namespace OpenHealthLive.Web.Join;

/// <summary>QR images of join URLs, rendered once per text and cached.</summary>
public sealed class QrCodes
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, byte[]> _png = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _svg = new(StringComparer.Ordinal);

    public byte[] Png(string text) => Cached(_png, text, t =>
    {
        using var data = Create(t);
        return new PngByteQRCode(data).GetGraphic(12, drawQuietZones: true);
    });

    public string Svg(string text) => Cached(_svg, text, t =>
    {
        using var data = Create(t);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    });

    private static QRCodeData Create(string text)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a scratched or badly lit projector screen without making the code much denser.
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
    }

    private static T Cached<T>(ConcurrentDictionary<string, T> cache, string text, Func<string, T> create)
    {
        if (cache.Count > MaxCached)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(text, create);
    }
}
