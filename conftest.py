"""pytest configuration for the whole checkout, the notebooks under nbval included.

nbval starts each notebook's kernel with jupyter_client's KernelManager, over TCP on localhost; the kernels
are given IPC sockets instead (`helpers.kernels`), as the report runner's, so none warns that it is "running
over TCP without encryption".
"""


def pytest_configure(config):
    try:
        import nbval.kernel
    except ImportError:  # nbval not installed: nothing to configure
        return
    from helpers.kernels import IPCKernelManager
    nbval.kernel.KernelManager = IPCKernelManager
