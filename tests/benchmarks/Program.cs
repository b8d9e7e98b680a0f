using OrderEngine.Benchmarks;

return await BenchmarkRunner.RunAsync(args);
