# Jupyter server settings of this project, loaded by `make lab` (it adds this folder to JUPYTER_CONFIG_PATH,
# so the user's own Jupyter configuration is still read).
# framing.notebooks registers a pre-save hook: notebooks under notebooks/ are saved without outputs,
# execution counts or widget state, so running and saving one never leaves outputs for git to pick up.
c = get_config()  # noqa: F821
c.ServerApp.jpserver_extensions.update({"framing.notebooks": True})
