namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>The four return shapes a grain method may have.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
