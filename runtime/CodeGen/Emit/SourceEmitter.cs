using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OrderEngine.Runtime.CodeGen.Model;

namespace OrderEngine.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the generated sources of one compilation: a request class per grain method (shared by every
/// interface that inherits it), a proxy per grain interface, and the assembly's metadata provider, which
/// nests all of them so that their names never meet another assembly's.
/// </summary>
internal static class SourceEmitter
{
    public const string GeneratedNamespace = "OrderEngine.Runtime.Generated";

    private const string Invocation = "global::OrderEngine.Runtime.Invocation.";
    private const string Tasks = "global::System.Threading.Tasks.";
    private const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"OrderEngine.Runtime.CodeGen\", \"1.0\")]";
    private const string EditorBrowsableAttribute = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static void Emit(
        SourceProductionContext context,
        ImmutableArray<GrainInterfaceModel> interfaceModels,
        ImmutableArray<GrainClassModel> classModels,
        string assemblyName)
    {
        // A partial type yields one model per declaration: keep one, in a stable order.
        var interfaces = interfaceModels.GroupBy(m => m.FullName, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        var classes = classModels.GroupBy(m => m.FullName, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();

        var validInterfaces = interfaces.Where(i => i.IsValid).ToList();
        var validClasses = classes.Where(c => c.IsValid).ToList();
        if (validInterfaces.Count == 0 && validClasses.Count == 0)
        {
            return;
        }

        var names = new NameAllocator();
        var providerName = names.Allocate("GrainMetadataProvider_" + NameAllocator.Sanitize(assemblyName));
        var proxyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var requestNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<GrainMethodModel>();
        foreach (var grainInterface in validInterfaces)
        {
            proxyNames[grainInterface.FullName] = names.Allocate(NameAllocator.Sanitize(grainInterface.FullName) + "Proxy");
            foreach (var method in grainInterface.Methods)
            {
                if (!requestNames.ContainsKey(method.Identity))
                {
                    var desired = NameAllocator.Sanitize(method.DeclaringInterface) + "_"
                        + method.Index.ToString(CultureInfo.InvariantCulture) + "_" + NameAllocator.Sanitize(method.Name) + "Request";
                    requestNames[method.Identity] = names.Allocate(desired);
                    requests.Add(method);
                }
            }
        }

        var hintNames = new NameAllocator();
        hintNames.Allocate(providerName);
        AddSource(context, providerName, WriteProvider(providerName, validInterfaces, validClasses, proxyNames, requestNames));
        foreach (var group in requests.GroupBy(r => r.DeclaringInterface, StringComparer.Ordinal))
        {
            var hintName = hintNames.Allocate(NameAllocator.Sanitize(group.Key) + ".Requests");
            AddSource(context, hintName, WriteRequests(providerName, group, requestNames));
        }

        foreach (var grainInterface in validInterfaces)
        {
            var proxyName = proxyNames[grainInterface.FullName];
            AddSource(context, hintNames.Allocate(proxyName), WriteProxy(providerName, proxyName, grainInterface, requestNames));
        }
    }

    /// <summary>
    /// Reports the diagnostics of every model once (partial declarations and shared base members would
    /// repeat them), at a location in the compilation's own tree so the IDE can underline it.
    /// </summary>
    public static void ReportDiagnostics(
        SourceProductionContext context,
        ImmutableArray<GrainInterfaceModel> interfaces,
        ImmutableArray<GrainClassModel> classes,
        Compilation compilation)
    {
        var reported = new HashSet<DiagnosticInfo>();
        foreach (var diagnostic in interfaces.SelectMany(i => i.Diagnostics).Concat(classes.SelectMany(c => c.Diagnostics)))
        {
            if (reported.Add(diagnostic))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(compilation));
            }
        }
    }

    private static void AddSource(SourceProductionContext context, string hintName, string text) =>
        context.AddSource(hintName + ".g.cs", SourceText.From(text, System.Text.Encoding.UTF8));

    private static CodeWriter Begin(string providerName, bool withAttributes)
    {
        var writer = new CodeWriter()
            .Line("// <auto-generated/>")
            .Line("#nullable enable")
            .Line("#pragma warning disable CS0612, CS0618 // grain members may be obsolete; the generated plumbing still has to reach them")
            .Line()
            .Open("namespace " + GeneratedNamespace);
        if (withAttributes)
        {
            writer.Line(GeneratedCodeAttribute).Line(EditorBrowsableAttribute);
            return writer.Open("internal sealed partial class " + providerName + " : " + Invocation + "IGrainMetadataProvider");
        }

        return writer.Open("internal sealed partial class " + providerName);
    }

    private static string End(CodeWriter writer) => writer.Close().Close().ToString();

    private static string WriteProvider(
        string providerName,
        List<GrainInterfaceModel> interfaces,
        List<GrainClassModel> classes,
        Dictionary<string, string> proxyNames,
        Dictionary<string, string> requestNames)
    {
        var writer = new CodeWriter()
            .Line("// <auto-generated/>")
            .Line("#nullable enable")
            .Line("#pragma warning disable CS0612, CS0618 // grain members may be obsolete; the generated plumbing still has to reach them")
            .Line()
            .Line("[assembly: " + Invocation + "GrainMetadataProviderAttribute(typeof(global::" + GeneratedNamespace + "." + providerName + "))]")
            .Line()
            .Open("namespace " + GeneratedNamespace)
            .Line(GeneratedCodeAttribute)
            .Line(EditorBrowsableAttribute)
            .Open("internal sealed partial class " + providerName + " : " + Invocation + "IGrainMetadataProvider")
            .Open("public " + providerName + "()")
            .Close()
            .Line()
            .Open("public void Populate(" + Invocation + "IGrainMetadataBuilder builder)")
            .Open("if (builder is null)")
            .Line("throw new global::System.ArgumentNullException(nameof(builder));")
            .Close();

        foreach (var grainInterface in interfaces)
        {
            writer.Line()
                .Line("builder.AddInterface(")
                .Line("    typeof(" + grainInterface.FullName + "),")
                .Line("    static (id, invoker) => new " + proxyNames[grainInterface.FullName] + "(id, invoker),");
            if (grainInterface.Methods.Count == 0)
            {
                writer.Line("    global::System.Array.Empty<" + Invocation + "GrainMethod>());");
                continue;
            }

            writer.Line("    new " + Invocation + "GrainMethod[]").Line("    {");
            foreach (var method in grainInterface.Methods)
            {
                writer.Line("        " + requestNames[method.Identity] + ".Descriptor,");
            }

            writer.Line("    });");
        }

        foreach (var grainClass in classes)
        {
            writer.Line()
                .Line("builder.AddGrainClass(")
                .Line("    typeof(" + grainClass.FullName + "),");
            if (grainClass.Arguments.Count == 0)
            {
                writer.Line("    static ctx => new " + grainClass.FullName + "());");
                continue;
            }

            writer.Line("    static ctx => new " + grainClass.FullName + "(");
            for (var i = 0; i < grainClass.Arguments.Count; i++)
            {
                var argument = grainClass.Arguments[i];
                var value = argument.IsPersistentState
                    ? "ctx.GetPersistentState<" + argument.Type + ">(" + argument.StateName + ", " + argument.StorageName + ")"
                    : "ctx.GetRequiredService<" + argument.Type + ">()";
                writer.Line("        " + value + (i == grainClass.Arguments.Count - 1 ? "));" : ","));
            }
        }

        return writer.Close().Close().Close().ToString();
    }

    private static string WriteRequests(string providerName, IEnumerable<GrainMethodModel> methods, Dictionary<string, string> requestNames)
    {
        var writer = Begin(providerName, withAttributes: false);
        var first = true;
        foreach (var method in methods)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteRequest(writer, method, requestNames[method.Identity]);
        }

        return End(writer);
    }

    private static void WriteRequest(CodeWriter writer, GrainMethodModel method, string name)
    {
        var parameters = method.Parameters;
        writer.Line(GeneratedCodeAttribute)
            .Line(EditorBrowsableAttribute)
            .Open("internal sealed class " + name + " : " + Invocation + "GrainRequest<" + method.ResultType + ">")
            .Line("public static readonly " + Invocation + "GrainMethod Descriptor = new(")
            .Line("    typeof(" + method.DeclaringInterface + "),")
            .Line("    " + SymbolDisplay.FormatLiteral(method.Name, quote: true) + ",")
            .Line("    " + ParameterTypes(parameters) + ",")
            .Line("    typeof(" + method.ResultTypeOf + "),")
            .Line("    " + Flags(method) + ",")
            .Line("    static () => new " + name + "());");

        foreach (var parameter in parameters)
        {
            writer.Line().Line("public " + parameter.Type + " " + parameter.FieldName + (parameter.IsNonNullableReference ? " = default!;" : ";"));
        }

        writer.Line().Line("public override " + Invocation + "GrainMethod Method => Descriptor;").Line();

        if (parameters.Count == 0)
        {
            writer.Line("public override object? GetArgument(int index) => throw BadArgumentIndex(index);")
                .Line()
                .Line("public override void SetArgument(int index, object? value) => throw BadArgumentIndex(index);");
        }
        else
        {
            writer.Line("public override object? GetArgument(int index) => index switch").Line("{");
            for (var i = 0; i < parameters.Count; i++)
            {
                writer.Line("    " + i.ToString(CultureInfo.InvariantCulture) + " => this." + parameters[i].FieldName + ",");
            }

            writer.Line("    _ => throw BadArgumentIndex(index),").Line("};").Line()
                .Open("public override void SetArgument(int index, object? value)")
                .Open("switch (index)");
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                var cast = "(" + parameter.Type + ")value" + (parameter.AcceptsNull ? string.Empty : "!");
                writer.Line("case " + i.ToString(CultureInfo.InvariantCulture) + ":")
                    .Line("    this." + parameter.FieldName + " = " + cast + ";")
                    .Line("    break;");
            }

            writer.Line("default:").Line("    throw BadArgumentIndex(index);").Close().Close();
        }

        var call = "((" + method.DeclaringInterface + ")grain)." + method.EscapedName
            + "(" + string.Join(", ", parameters.Select(p => "this." + p.FieldName)) + ")";
        var adapt = method.Kind switch
        {
            ReturnKind.Task => "FromTask(",
            ReturnKind.ValueTask => "FromValueTask(",
            ReturnKind.TaskOfT => "FromTask<" + method.ResultType + ">(",
            _ => "FromValueTask<" + method.ResultType + ">(",
        };
        writer.Line()
            .Line("public override " + Tasks + "ValueTask<" + method.ResultType + "> InvokeAsync(object grain) =>")
            .Line("    " + Invocation + "GrainInvoke." + adapt + call + ");")
            .Close();
    }

    private static string ParameterTypes(EquatableArray<ParameterModel> parameters) =>
        parameters.Count == 0
            ? "global::System.Type.EmptyTypes"
            : "new global::System.Type[] { " + string.Join(", ", parameters.Select(p => "typeof(" + p.TypeOf + ")")) + " }";

    private static string Flags(GrainMethodModel method)
    {
        var flags = new List<string>(2);
        if (method.IsOneWay)
        {
            flags.Add(Invocation + "GrainMethodFlags.OneWay");
        }

        if (method.IsAlwaysInterleave)
        {
            flags.Add(Invocation + "GrainMethodFlags.AlwaysInterleave");
        }

        return flags.Count == 0 ? Invocation + "GrainMethodFlags.None" : string.Join(" | ", flags);
    }

    private static string WriteProxy(string providerName, string proxyName, GrainInterfaceModel grainInterface, Dictionary<string, string> requestNames)
    {
        var writer = Begin(providerName, withAttributes: false)
            .Line(GeneratedCodeAttribute)
            .Line(EditorBrowsableAttribute)
            .Open("internal sealed class " + proxyName + " : " + Invocation + "GrainReference, " + grainInterface.FullName)
            .Line("public " + proxyName + "(global::OrderEngine.Runtime.GrainId grainId, " + Invocation + "IGrainCallInvoker invoker)")
            .Line("    : base(grainId, invoker)")
            .Open()
            .Close();

        foreach (var method in grainInterface.Methods)
        {
            var parameters = method.Parameters;
            var signature = method.ReturnType + " " + method.DeclaringInterface + "." + method.EscapedName
                + "(" + string.Join(", ", parameters.Select(p => p.Type + " " + p.Name)) + ")";
            var request = "new " + requestNames[method.Identity]
                + (parameters.Count == 0 ? "()" : " { " + string.Join(", ", parameters.Select(p => p.FieldName + " = " + p.Name)) + " }");
            var invoke = "base.Invoker.InvokeAsync(this, " + request + ")";
            var body = method.Kind switch
            {
                ReturnKind.Task or ReturnKind.TaskOfT => invoke,
                ReturnKind.ValueTask => "new " + Tasks + "ValueTask(" + invoke + ")",
                _ => "new " + Tasks + "ValueTask<" + method.ResultType + ">(" + invoke + ")",
            };
            writer.Line().Open(signature).Line("return " + body + ";").Close();
        }

        return End(writer.Close());
    }
}
