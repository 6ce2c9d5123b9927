#include <cstdio>
int main() { std::puts("pipelint"); return 0; }
