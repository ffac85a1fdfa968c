"""The kernels the suite starts itself talk to it over IPC sockets, not TCP.

A kernel reached over TCP on localhost warns at every start ("Kernel is running over TCP without encryption
... susceptible to eavesdropping"). The report runner, `make notebooks` and nbval under pytest start their
kernels on this machine only, so they use ZeroMQ's IPC transport: Unix sockets in Jupyter's runtime folder
(readable by the user alone), which no other machine can reach and about which the kernel has nothing to say.

`KERNEL_OPTIONS` go to papermill and nbclient (`execute_notebook(..., **KERNEL_OPTIONS)`, `NotebookClient(...,
**KERNEL_OPTIONS)`); `IPCKernelManager` is what the pytest configuration (`conftest.py` at the top of the
repository) gives nbval. JupyterLab's own kernels (`make lab`) are left as JupyterLab starts them.
"""
from __future__ import annotations

import os
import uuid

from jupyter_client.manager import AsyncKernelManager, KernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import CaselessStrEnum, HasTraits, default

__all__ = ["IPCKernelManager", "AsyncIPCKernelManager", "KERNEL_OPTIONS"]


class _IPC(HasTraits):
    """IPC transport, with each kernel's sockets under a name of its own in the runtime folder (by default
    jupyter_client would name them after the connection file, or `kernel-ipc` in the working folder when the
    manager has no connection file yet, which two kernels started there at once would share)."""
    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _ipc_path(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        if self.connection_file:
            return os.path.splitext(self.connection_file)[0] + "-ipc"
        folder = jupyter_runtime_dir()
        os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"kernel-{uuid.uuid4().hex[:12]}-ipc")


class IPCKernelManager(_IPC, KernelManager):
    """jupyter_client's KernelManager over IPC sockets."""


class AsyncIPCKernelManager(_IPC, AsyncKernelManager):
    """jupyter_client's AsyncKernelManager (nbclient's, papermill's) over IPC sockets."""


KERNEL_OPTIONS = {"kernel_manager_class": AsyncIPCKernelManager}
