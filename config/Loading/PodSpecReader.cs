using Prow.Config.Jobs;
using Prow.Config.Yaml;

namespace Prow.Config.Loading;

/// <summary>Reads Kubernetes PodSpec parts. Kubernetes fields we do not model are kept raw, never warned about.</summary>
internal static class PodSpecReader
{
    public static PodSpec Read(MapReader m)
    {
        var spec = new PodSpec
        {
            Containers = m.ObjList("containers", ReadContainer),
            InitContainers = m.ObjList("initContainers", ReadContainer),
            Volumes = m.ObjList("volumes", ReadVolume),
            Tolerations = m.Raw("tolerations") as List<object?> ?? [],
            ServiceAccountName = m.Str("serviceAccountName"),
            NodeSelector = m.StrMap("nodeSelector"),
        };
        return spec with { Extra = m.Rest() };
    }

    public static Container ReadContainer(MapReader m)
    {
        var c = new Container
        {
            Name = m.StrOr("name", ""),
            Image = m.StrOr("image", ""),
            Command = m.StrList("command"),
            Args = m.StrList("args"),
            WorkingDir = m.Str("workingDir"),
            Env = m.ObjList("env", ReadEnv),
            VolumeMounts = m.ObjList("volumeMounts", ReadMount),
            Resources = m.Raw("resources") as Dictionary<string, object?>,
            SecurityContext = m.Raw("securityContext") as Dictionary<string, object?>,
        };
        return c with { Extra = m.Rest() };
    }

    public static EnvVar ReadEnv(MapReader m)
    {
        var name = m.StrOr("name", "");
        if (name.Length == 0)
        {
            m.Ctx.Error(m.Line, m.FieldPath("name"), "env var must have a name");
        }

        var env = new EnvVar(name, m.Str("value"), m.Raw("valueFrom") as Dictionary<string, object?>);
        m.AcceptRest();
        return env;
    }

    public static VolumeMount ReadMount(MapReader m)
    {
        var name = m.StrOr("name", "");
        var path = m.StrOr("mountPath", "");
        var ro = m.Bool("readOnly") ?? false;
        var sub = m.Str("subPath");
        return new VolumeMount(name, path, ro, sub, m.Rest());
    }

    public static Volume ReadVolume(MapReader m)
    {
        var name = m.StrOr("name", "");
        return new Volume(name, m.Rest());
    }
}
