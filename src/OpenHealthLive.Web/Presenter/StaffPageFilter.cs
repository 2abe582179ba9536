using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Checks <see cref="StaffPageAttribute"/> on a page and on the handler that runs (the handler's, when it has one,
/// wins): the signed-in member of staff needs that right on the session named by the <c>{code}</c> route value
/// (<see cref="StaffMember.Can(StaffRight, string?)"/>). Anyone else gets 403 and the status page.
/// </summary>
internal sealed class StaffPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var required = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(StaffPageAttribute), inherit: false).OfType<StaffPageAttribute>().FirstOrDefault()
            ?? context.HandlerInstance.GetType().GetCustomAttributes(typeof(StaffPageAttribute), inherit: false).OfType<StaffPageAttribute>().FirstOrDefault();
        if (required is not null && !StaffMember.Can(context.HttpContext.User, required.Right, context.RouteData.Values["code"] as string))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
