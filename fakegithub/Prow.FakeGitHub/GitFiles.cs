using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>
/// Bare repositories served as files, which is all git's dumb HTTP protocol asks (after <c>git update-server-info</c>):
/// <c>/owner/repo.git/info/refs</c>, <c>HEAD</c>, <c>objects/...</c>. Outside the API, so no token or rate limit applies.
/// </summary>
internal static class GitFiles
{
    public static Func<HttpContext, RequestDelegate, Task> Serve(string folder)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        return async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (!HttpMethods.IsGet(context.Request.Method) || segments.Length < 3 || !segments[1].EndsWith(".git", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var file = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
            if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            await context.Response.SendFileAsync(file, context.RequestAborted);
        };
    }
}
