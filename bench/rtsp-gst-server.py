#!/usr/bin/python3
"""GStreamer's RTSP server (gst-rtsp-server) serving a pre-encoded H.264 Matroska file at /live/main, shared
between viewers, for bench/rtsp-viewers.sh. Usage: rtsp-gst-server.py FILE.mkv PORT"""
import sys
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gst, GstRtspServer, GLib

Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(sys.argv[2])
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(f"( filesrc location={sys.argv[1]} ! matroskademux ! h264parse config-interval=-1 "
                   "! rtph264pay name=pay0 pt=96 )")
factory.set_shared(True)
server.get_mount_points().add_factory("/live/main", factory)
server.attach(None)
print("ready", flush=True)
GLib.MainLoop().run()
