using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The pen on the console: its toolbar under the current slide, and the drawing over it.</summary>
public sealed partial class PresenterPage
{
    /// <summary>The pen's toolbar.</summary>
    public ILocator PenToolbar => Page.GetByRole(AriaRole.Group, new() { Name = "Pen: draw on the current slide" });

    /// <summary>A tool (<c>Pen</c>, <c>Highlighter</c>, <c>Eraser</c>) or <c>Clear slide</c>.</summary>
    public ILocator PenButton(string name) => PenToolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The strokes drawn over the current slide.</summary>
    public ILocator Strokes => Page.Locator(".stage--presenter svg.ink path");

    /// <summary>
    /// Draws a line with the mouse over the current slide through <paramref name="points"/>, each a share (0 to 1) of
    /// the slide's width and height, with the tool pressed first.
    /// </summary>
    public async Task DrawAsync(string tool, params (double X, double Y)[] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var button = PenButton(tool);
        if (await button.GetAttributeAsync("aria-pressed") != "true")
        {
            await button.ClickAsync();
        }

        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        // Hovering scrolls the slide into view and waits until it is still (the toolbar may sit below the fold); the
        // box is read after that, so the mouse lands where the slide is now.
        var layer = Page.Locator(".stage--presenter svg.ink");
        var size = await layer.BoundingBoxAsync() ?? throw new InvalidOperationException("The slide has no drawing layer.");
        await layer.HoverAsync(new() { Position = new() { X = (float)(points[0].X * size.Width), Y = (float)(points[0].Y * size.Height) } });
        var box = await layer.BoundingBoxAsync() ?? throw new InvalidOperationException("The slide has no drawing layer.");
        var at = points.Select(p => ((float)(box.X + (p.X * box.Width)), (float)(box.Y + (p.Y * box.Height)))).ToArray();
        await Page.Mouse.MoveAsync(at[0].Item1, at[0].Item2);
        await Page.Mouse.DownAsync();
        foreach (var (x, y) in at.Skip(1))
        {
            await Page.Mouse.MoveAsync(x, y, new() { Steps = 8 });
        }

        await Page.Mouse.UpAsync();
    }
}
