using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SuperTickets.Admin.Http;

/// <summary>
/// Rejects bodies above <see cref="AdminOptions.MaxRequestBodyBytes"/> with 413 before any endpoint reads them:
/// by Content-Length when declared, otherwise by reading at most one byte past the limit into a buffer.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<AdminOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                await RejectAsync(context, limit);
                return;
            }
        }
        else if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    await RejectAsync(context, limit);
                    return;
                }
            }
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }
        await next(context);
    }

    private static Task RejectAsync(HttpContext context, long limit) =>
        Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The request body exceeds the limit of {limit} bytes.");
}
