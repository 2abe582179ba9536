using Microsoft.Playwright;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>Reads a QR code as a phone's camera would: from the pixels the browser drew.</summary>
public static class QrCode
{
    /// <summary>Screenshots <paramref name="image"/> and decodes the QR code in it.</summary>
    public static async Task<string> ReadAsync(ILocator image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var png = await image.ScreenshotAsync();
        var pixels = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
        var source = new RGBLuminanceSource(pixels.Data, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGB24);
        var result = new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return result?.Text ?? throw new InvalidOperationException("No QR code could be read in the image.");
    }
}
