namespace Prow.Clients.Kubernetes.Config;

/// <summary>A kubeconfig (or the in-cluster service account) that cannot be used, naming the file and what is wrong.</summary>
public class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
